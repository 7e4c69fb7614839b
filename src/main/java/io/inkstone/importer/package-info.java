/**
 * The {@code import FILE.jsonl} command: streams JSON Lines, validates each line, creates
 * missing creators and channels, stores articles in all-or-nothing batches and prints a
 * summary.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "articles", "channels", "creators", "engagement", "media", "pages", "shared", "web" })
package io.inkstone.importer;
