/**
 * Governance: reports (举报) from readers with a reference number and feedback, the
 * reviewers' handling queue, decisions with a statement of reasons (DSA Art. 17 shape)
 * sent to the creator, one appeal decided by a different reviewer, publishing
 * restrictions, and the public transparency report computed from all of it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "audit", "channels",
		"creators", "discovery", "engagement", "media", "shared", "similarity", "web" })
package io.inkstone.governance;
