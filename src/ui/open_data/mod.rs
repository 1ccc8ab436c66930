//! "Open your data": a JSON file or CSV files opened in the browser replace the dataset for
//! this page only; the banner that says so; exporting the data as CSV.

pub mod panel;
