package io.inkstone.accounts;

import java.util.List;
import java.util.Map;

import io.inkstone.audit.AuditEntry;
import io.inkstone.web.Ui;

/** Page models of the accounts pages. */
public final class AccountPages {

	private AccountPages() {
	}

	/**
	 * The sign-up, setup and sign-in forms: values to re-show and field errors (message
	 * keys).
	 */
	/** {@code done}: the account just appointed or revoked, with its role now. */
	public record Staff(List<StaffMember> staff, String error, StaffMember done) {
	}

	public record FormPage(String mode, String email, String displayName, Map<String, String> errors, boolean failed) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/**
	 * The settings page: values to show, field errors (message keys), the sessions, what
	 * the last action did.
	 */
	/** {@code newEmail}: the new address typed into a refused change, shown again. */
	public record SettingsPage(String email, String displayName, Map<String, String> errors, List<SessionRow> sessions,
			String flash, String newEmail) {

		public String error(Ui ui, String field) {
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
	public record EmailConfirm(String token, String email) {
	}

	/**
	 * {@code /account/two-factor}: {@code mode} is {@code status}, {@code setup} (the QR
	 * code, the secret as text and the confirm form) or {@code codes} (recovery codes,
	 * shown once); {@code required} when the site requires it of staff.
	 */
	public record TwoFactorPage(String mode, boolean enabled, long since, long codesLeft, String qrSvg, String secret,
			List<String> recoveryCodes, Map<String, String> errors, String flash, boolean required) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

		/** The secret in groups of four, easier to type into an app. */
		public String groupedSecret() {
			return secret == null ? "" : secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

	}

	/** The second step of signing in: a code of the app or a recovery code. */
	public record TwoFactorLogin(Map<String, String> errors) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/** One sign-in of an account as staff see it in the users console. */
	public record SignInRow(long at, long lastSeen, String region, String device, Long endedAt) {
	}

	/** One account in the users console's list. */
	public record UserRow(long id, String email, String displayName, String handle, String role, boolean suspended,
			boolean twoFactor, Long lastSignIn) {
	}

	/**
	 * {@code /admin/users}: the query ({@code null} before a search), the accounts found,
	 * a field error (message key) for a bad query.
	 */
	public record Users(String query, List<UserRow> users, Map<String, String> errors) {

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

	/**
	 * {@code /admin/users/{id}}: the account, when and why it was suspended, its
	 * sign-ins, what staff did to it, what the last action did, field errors.
	 */
	public record UserDetail(UserRow user, long createdAt, Long suspendedAt, String suspendedReason,
			List<SignInRow> signIns, List<AuditEntry> history, boolean self, String flash, Map<String, String> errors) {

		/** An audit action in words when the bundles name it, else its code. */
		public String actionLabel(Ui ui, String action) {
			String key = "users.action." + action;
			String label = ui.t(key);
			return label.equals(key) ? action : label;
		}

		public String error(Ui ui, String field) {
			String key = errors.get(field);
			return key == null ? null : ui.t(key);
		}

	}

}
