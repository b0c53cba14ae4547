//! Text → article model: structure, quotes and speakers, numbers.

pub mod numbers;
