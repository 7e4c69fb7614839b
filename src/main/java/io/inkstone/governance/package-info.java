/**
 * Governance: reports (举报) from readers with a reference number and feedback, machine and
 * human review of held articles, rights holders' copyright notices, and one moderation
 * model for what they decide ({@link io.inkstone.governance.ModerationDecisions}, table
 * {@code moderation_decisions}): every decision with its statement of reasons (DSA Art.
 * 17 shape) sent to the affected account after commit, one appeal decided by a different
 * staff member that undoes the action by its kind, publishing restrictions, and the
 * public transparency report computed from that model.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "articles", "audit", "creators",
		"discovery", "engagement", "media", "notifications", "rules", "shared", "similarity", "web" })
package io.inkstone.governance;
