//! The embedded practice bank (sandbox).
