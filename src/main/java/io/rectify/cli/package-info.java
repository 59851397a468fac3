/**
 * The top of the packages: runs a parsed command line by calling the features (jobs, status,
 * restart and abandon, serve, backup, check, the sample). Only the application class uses it; the command
 * words and their parsing ({@code io.rectify.ops.Command}, {@code CommandLine}) stay in the leaf
 * package {@code ops} because the schedules and the execution control parse and build command
 * lines too.
 */
package io.rectify.cli;
