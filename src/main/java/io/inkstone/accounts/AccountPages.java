package io.inkstone.accounts;

import java.util.List;
import java.util.Map;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/** Page models of the accounts pages. */
public final class AccountPages {

	private AccountPages() {
	}

	/**
	 * The sign-up, setup and sign-in forms: values to re-show and field errors (message
	 * keys).
	 */
	public record Staff(Ui ui, List<Channel> nav, List<StaffMember> staff, String error) {
	}

	public record FormPage(Ui ui, List<Channel> nav, String mode, String email, String displayName,
			Map<String, String> errors, boolean failed) {

		public String error(String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/** Which kinds of notice also come by mail ({@code /account/notifications}). */
	public record Notifications(Ui ui, List<Channel> nav, List<MailChoice> choices, boolean saved) {
	}

	/** One kind of notice and whether it comes by mail. */
	public record MailChoice(String kind, boolean mail) {
	}

	/** The one-click unsubscribe page: confirm ({@code done} false) or confirmed. */
	public record Unsubscribe(Ui ui, List<Channel> nav, String token, String kind, boolean done) {
	}

	/**
	 * The settings page: values to show, field errors (message keys), the sessions, what
	 * the last action did.
	 */
	public record SettingsPage(Ui ui, List<Channel> nav, String email, String displayName, Map<String, String> errors,
			List<SessionRow> sessions, String flash) {

		public String error(String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/**
		 * A short description of the device from its User-Agent: browser and system, no
		 * version numbers.
		 */
		public String device(String userAgent) {
			return AccountSettingsController.device(userAgent);
		}

	}

	/**
	 * One signed-in session as its owner sees it; {@code current} is the session of this
	 * request.
	 */
	public record SessionRow(long id, String userAgent, long createdAt, long lastSeen, boolean current) {
	}

	/**
	 * The page behind the mailed link of an e-mail change: the new address and a button.
	 */
	public record EmailConfirm(Ui ui, List<Channel> nav, String token, String email) {
	}

}
