/**
 * A tiny Jersey + Grizzly application, served bare or instrumented, for the side-by-side load
 * test that {@code benchmarks/run.sh} runs.
 */
package io.redmetrics.bench;
