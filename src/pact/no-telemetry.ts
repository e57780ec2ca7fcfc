// Pact's native core sends anonymous usage metrics over the internet unless
// PACT_DO_NOT_TRACK is true; this suite reaches nothing but loopback. Import this
// module before @pact-foundation/pact in every entry point that uses Pact: the
// native library reads the variable when it runs, so setting it here is enough.
// (A write for a library, not configuration: nothing here reads the environment.)
process.env.PACT_DO_NOT_TRACK = 'true';
