package io.inkstone.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.inkstone.notifications.MailCheck;
import io.inkstone.audit.AuditLog;
import io.inkstone.media.Media;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SecretBox;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.RateLimiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail server, the public address and the logo an admin sets at
 * {@code /admin/settings}: validated, stored in {@link SiteSettings} (in effect at once
 * on this node, within seconds on the others) with one audit entry per changed setting
 * (who, which, old → new; a password only as "changed"), each change in one transaction.
 * Kept apart from {@link SettingsChanges} so each part of the page stays small.
 */
@Service
class SiteIdentityChanges {

	/** The largest logo file accepted. */
	static final int MAX_LOGO_BYTES = 1024 * 1024;

	/** Test mails per admin and period. */
	static final int TEST_MAILS = 5;

	static final Duration TEST_PERIOD = Duration.ofMinutes(10);

	static final List<String> MAIL_KEYS = List.of(SiteSettings.MAIL_HOST, SiteSettings.MAIL_PORT,
			SiteSettings.MAIL_SECURITY, SiteSettings.MAIL_USERNAME, SiteSettings.MAIL_PASSWORD, SiteSettings.MAIL_FROM,
			SiteSettings.MAIL_FROM_NAME);

	private static final String HIDDEN = "***";

	private static final Logger log = LoggerFactory.getLogger(SiteIdentityChanges.class);

	private final SiteSettings settings;

	private final AuditLog audit;

	private final PublicUrl publicUrl;

	private final Media media;

	private final MailCheck mail;

	private final RateLimiter limits;

	private final TransactionTemplate transactions;

	private final SecretBox secrets;

	SiteIdentityChanges(SiteSettings settings, AuditLog audit, PublicUrl publicUrl, Media media, MailCheck mail,
			RateLimiter limits, PlatformTransactionManager transactions, SecretBox secrets) {
		this.secrets = secrets;
		this.settings = settings;
		this.audit = audit;
		this.publicUrl = publicUrl;
		this.media = media;
		this.mail = mail;
		this.limits = limits;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** The mail settings as stored (empty: the configured server); never the password. */
	MailSettingsForm currentMail() {
		return new MailSettingsForm(value(SiteSettings.MAIL_HOST), value(SiteSettings.MAIL_PORT),
				settings.value(SiteSettings.MAIL_SECURITY).orElse("ssl"), value(SiteSettings.MAIL_USERNAME), "",
				value(SiteSettings.MAIL_FROM), value(SiteSettings.MAIL_FROM_NAME));
	}

	/** Whether a password is stored that this site can read. */
	boolean hasPassword() {
		String stored = value(SiteSettings.MAIL_PASSWORD);
		return !stored.isEmpty() && secrets.decrypt(stored).isPresent();
	}

	/**
	 * Whether the stored password was encrypted under another key (a backup restored
	 * where the key is not): mail through that server waits until it is entered again.
	 */
	boolean passwordUnreadable() {
		return mail.passwordUnreadable();
	}

	/**
	 * A password stored in plain text by an earlier version is encrypted once, on start
	 * (a value without the encryption prefix is still read as plain until then).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void encryptPlainPassword() {
		transactions.executeWithoutResult(status -> settings.stored(SiteSettings.MAIL_PASSWORD)
			.filter(p -> !p.isEmpty() && !SecretBox.encrypted(p))
			.ifPresent(plain -> {
				settings.put(SiteSettings.MAIL_PASSWORD, secrets.encrypt(plain), null);
				log.info("The stored SMTP password is now encrypted");
			}));
	}

	/** The public address an admin set, empty while the configured one applies. */
	String currentPublicUrl() {
		return value(SiteSettings.PUBLIC_URL);
	}

	/** The configured public address (the default). */
	String configuredPublicUrl() {
		return publicUrl.configuredBase();
	}

	/** The uploaded logo's path, empty while the bundled one is shown. */
	Optional<String> logo() {
		return settings.value(SiteSettings.SITE_LOGO).map(key -> "/media/" + key);
	}

	private String value(String name) {
		return settings.value(name).orElse("");
	}

	/** What Bean Validation cannot check: field → message key. */
	Map<String, String> check(MailSettingsForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (MailSettingsForm.strip(form.host()).isEmpty()) {
			return errors;
		}
		String port = MailSettingsForm.strip(form.port());
		if (port.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
				|| Integer.parseInt(port) > 65535) {
			errors.put("port", "siteIdentity.error.port");
		}
		if (MailSettingsForm.strip(form.security()).isEmpty()) {
			errors.put("security", "siteIdentity.error.security");
		}
		if (MailSettingsForm.strip(form.from()).isEmpty()) {
			errors.put("from", "siteIdentity.error.fromRequired");
		}
		return errors;
	}

	Map<String, String> check(PublicUrlForm form) {
		String value = MailSettingsForm.strip(form.publicUrl());
		return value.isEmpty() || PublicUrl.parse(value).isPresent() ? Map.of()
				: Map.of("publicUrl", "siteIdentity.error.publicUrl");
	}

	/**
	 * Stores the mail settings (an empty host clears them all: mail goes through the
	 * configured server again); returns the names of the settings that changed.
	 */
	List<String> save(MailSettingsForm form) {
		SignedIn admin = requireAdmin();
		return transactions.execute(status -> {
			List<String> changed = new ArrayList<>();
			String host = MailSettingsForm.strip(form.host());
			if (host.isEmpty()) {
				for (String key : MAIL_KEYS) {
					put(admin, key, null, changed);
				}
				return changed;
			}
			change(admin, SiteSettings.MAIL_HOST, host, changed);
			change(admin, SiteSettings.MAIL_PORT, Integer.toString(Integer.parseInt(form.port().strip())), changed);
			change(admin, SiteSettings.MAIL_SECURITY, form.security().strip(), changed);
			change(admin, SiteSettings.MAIL_USERNAME, MailSettingsForm.strip(form.username()), changed);
			change(admin, SiteSettings.MAIL_FROM, MailSettingsForm.strip(form.from()), changed);
			change(admin, SiteSettings.MAIL_FROM_NAME, MailSettingsForm.strip(form.fromName()), changed);
			String password = form.password() == null ? "" : form.password();
			// stored encrypted (AES-GCM under a key outside the database and backups);
			// compared with what the stored value decrypts to
			if (!password.isEmpty() && !password
				.equals(settings.stored(SiteSettings.MAIL_PASSWORD).flatMap(secrets::decrypt).orElse(null))) {
				put(admin, SiteSettings.MAIL_PASSWORD, secrets.encrypt(password), changed);
			}
			return changed;
		});
	}

	/** Stores the public address (empty: back to the configured one). */
	List<String> save(PublicUrlForm form) {
		SignedIn admin = requireAdmin();
		String posted = MailSettingsForm.strip(form.publicUrl());
		String value = posted.isEmpty() ? null : PublicUrl.parse(posted).orElseThrow();
		return transactions.execute(status -> {
			List<String> changed = new ArrayList<>();
			put(admin, SiteSettings.PUBLIC_URL, Objects.equals(value, publicUrl.configuredBase()) ? null : value,
					changed);
			return changed;
		});
	}

	/**
	 * Checks, re-encodes and stores the image (outside the transaction: object storage is
	 * no database), then points the setting at it.
	 */
	void uploadLogo(byte[] bytes) {
		SignedIn admin = requireAdmin();
		String key = media.storeSiteImage(bytes);
		transactions.executeWithoutResult(status -> put(admin, SiteSettings.SITE_LOGO, key, new ArrayList<>()));
	}

	/** Back to the bundled logo; false when it was shown already. */
	boolean resetLogo() {
		SignedIn admin = requireAdmin();
		List<String> changed = new ArrayList<>();
		transactions.executeWithoutResult(status -> put(admin, SiteSettings.SITE_LOGO, null, changed));
		return !changed.isEmpty();
	}

	/**
	 * Sends the test mail to the signed-in admin; at most {@link #TEST_MAILS} per
	 * {@link #TEST_PERIOD} and admin (then a 429).
	 */
	MailCheck.Result testMail() {
		SignedIn admin = requireAdmin();
		long wait = limits.tryAcquire("mail-test:" + admin.accountId(), TEST_MAILS, TEST_PERIOD);
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		return mail.sendTest(admin.email(), settings.siteName());
	}

	private static SignedIn requireAdmin() {
		SignedIn me = SignedIn.current().orElseThrow(() -> new ForbiddenException("problem.accounts.adminsOnly"));
		if (!me.isAdmin()) {
			throw new ForbiddenException("problem.accounts.adminsOnly");
		}
		return me;
	}

	/** An empty value is no value: the setting returns to its default. */
	private void change(SignedIn admin, String name, String value, List<String> changed) {
		put(admin, name, value.isEmpty() ? null : value, changed);
	}

	/**
	 * Stores {@code value} (null: the default) under {@code name} with its audit entry,
	 * unless unchanged; a password is written to the audit log only as {@code ***}.
	 */
	private void put(SignedIn admin, String name, String value, List<String> changed) {
		// compared with what is stored, not this node's copy: that may be a refresh
		// behind
		String old = settings.stored(name).orElse(null);
		if (Objects.equals(old, value)) {
			return;
		}
		settings.put(name, value, admin.accountId());
		boolean secret = name.equals(SiteSettings.MAIL_PASSWORD);
		String shownOld = old == null ? "" : secret ? HIDDEN : old;
		String shownNew = value == null ? "" : secret ? HIDDEN : value;
		audit.record(admin.accountId(), admin.displayName(), SettingsChanges.AUDIT_ACTION, "setting", name, null,
				"「" + shownOld + "」 → 「" + shownNew + "」");
		changed.add(name);
	}

}
