//! Geographic index (rstar): see the module docs once written.
