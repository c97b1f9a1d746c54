//! What every benchmark shares: timing, percentiles and the budget report.
#![allow(dead_code)]

pub mod her;
pub mod practice;

use std::time::{Duration, Instant};

pub fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Prints p50, p95 and max against the budget; true when p95 is within it.
pub fn report(what: &str, samples: &mut [Duration], budget_ms: f64) -> bool {
    let p50 = ms(percentile(samples, 0.5));
    let p95 = ms(percentile(samples, 0.95));
    let max = ms(*samples.iter().max().unwrap());
    let ok = p95 <= budget_ms;
    println!(
        "{what:<40} n={:<5} p50 {p50:>7.3} ms  p95 {p95:>7.3} ms  max {max:>7.3} ms  {}",
        samples.len(),
        if ok {
            format!("ok (budget {budget_ms} ms)")
        } else {
            format!("OVER BUDGET ({budget_ms} ms)")
        }
    );
    ok
}

/// Prints one figure (already formatted, with its unit) against its budget; returns `within`.
pub fn single(what: &str, figure: &str, within: bool, budget: &str) -> bool {
    println!(
        "{what:<40} {figure:>12}  {}",
        if within {
            format!("ok (budget {budget})")
        } else {
            format!("OVER BUDGET ({budget})")
        }
    );
    within
}

pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}
