home-title = 
  = x
{ 
