//! Text index (tantivy): see the module docs once written.
