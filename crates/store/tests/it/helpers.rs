pub use carematch_store::testing::TestDb;
