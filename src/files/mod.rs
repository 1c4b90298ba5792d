//! Files at the edge, handled safely: Opora's own files kept private (`private`), files from
//! outside read only when they are regular files of a sane size (`read`), lines read with a
//! limit (`lines`), and files Opora is told to write checked first (`target`): never over its
//! own databases, never silently over someone's file outside its folder.

pub mod lines;
pub mod private;
pub mod read;
pub mod target;
