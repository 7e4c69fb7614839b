package io.inkstone.audit;

import io.inkstone.shared.SignedIn;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes every sign-in of staff (admins and reviewers) to the audit log. */
@Component
class StaffSignIns {

	private final AuditLog log;

	StaffSignIns(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedIn.HasSignedIn principal) {
			SignedIn who = principal.signedIn();
			if ("ADMIN".equals(who.role()) || "REVIEWER".equals(who.role())) {
				log.record(who.accountId(), who.displayName(), "staff.sign-in", "account", who.accountId(), null, null);
			}
		}
	}

}
