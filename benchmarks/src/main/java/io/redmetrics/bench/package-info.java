/**
 * A tiny Jakarta REST application, served bare or instrumented on Jersey + Grizzly ({@link
 * io.redmetrics.bench.BenchServer}), or on RESTEasy or CXF ({@link
 * io.redmetrics.bench.SeBenchServer}), for the side-by-side load test that {@code
 * benchmarks/run.sh} runs.
 */
package io.redmetrics.bench;
