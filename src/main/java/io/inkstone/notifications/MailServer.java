package io.inkstone.notifications;

import org.springframework.stereotype.Component;

/**
 * Whether the platform can send mail at all (a server set at {@code /admin/settings} or
 * configured): flows that depend on a mail, such as password reset and address
 * verification, ask before they offer themselves.
 */
@Component
public class MailServer {

	private final Mailer mailer;

	MailServer(Mailer mailer) {
		this.mailer = mailer;
	}

	public boolean configured() {
		return mailer.configured();
	}

}
