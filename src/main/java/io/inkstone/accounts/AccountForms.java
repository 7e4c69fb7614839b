package io.inkstone.accounts;

/**
 * The accounts pages' forms as posted, each bound with {@code @Valid} and a
 * {@code BindingResult}. A field left out of the request is an empty string, as typed
 * nothing. They carry no constraints of their own: what a valid address, name, password
 * or code is lives in one place, the service that acts on it ({@link Accounts},
 * {@link AccountSettings}, {@link TwoFactor} …), whose field → message-key map the page
 * shows beside each control.
 */
final class AccountForms {

	private AccountForms() {
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	/** Sign-up and the first admin's setup. */
	record SignUpForm(String email, String password, String displayName) {

		SignUpForm {
			email = text(email);
			password = text(password);
			displayName = text(displayName);
		}

	}

	/** Deleting one's own account: the password again. */
	record DeleteForm(String password) {

		DeleteForm {
			password = text(password);
		}

	}

	/** A new nickname. */
	record NameForm(String displayName) {

		NameForm {
			displayName = text(displayName);
		}

	}

	/** A new password, with the current one. */
	record PasswordForm(String current, String password) {

		PasswordForm {
			current = text(current);
			password = text(password);
		}

	}

	/** A new e-mail address, with the current password. */
	record EmailForm(String email, String password) {

		EmailForm {
			email = text(email);
			password = text(password);
		}

	}

	/** The address a reset link is mailed to. */
	record ForgotForm(String email) {

		ForgotForm {
			email = text(email);
		}

	}

	/** A new password with the mailed link's token. */
	record ResetForm(String token, String password) {

		ResetForm {
			token = text(token);
			password = text(password);
		}

	}

	/** A code of the authenticator app, or a recovery code. */
	record CodeForm(String code) {

		CodeForm {
			code = text(code);
		}

	}

	/** Turning two-factor sign-in off: the password and a code. */
	record DisableForm(String password, String code) {

		DisableForm {
			password = text(password);
			code = text(code);
		}

	}

	/** Why staff suspend an account, reset its two-factor sign-in or revoke a role. */
	record ReasonForm(String reason) {

		ReasonForm {
			reason = text(reason);
		}

	}

	/** Appointing a reader as reviewer: the reader's address and why. */
	record AppointForm(String email, String reason) {

		AppointForm {
			email = text(email);
			reason = text(reason);
		}

	}

}
