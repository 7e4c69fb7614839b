package io.inkstone.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.inkstone.shared.Ids;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.RateLimiter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up that does not reveal which e-mail addresses are registered (used whenever mail is configured). Every
 * well-formed sign-up gets the same answer ("check your e-mail"); what arrives in the mailbox differs: a fresh address
 * gets a link that creates the account (valid {@value #VALIDITY_HOURS} hours), a registered one a notice that someone
 * tried to sign up with it, with the way to sign in or reset the password. The account exists only once the link is
 * confirmed, so nobody can squat an address they do not read. Both paths hash the password, so they take the same
 * time; mails go out after commit like every notice ({@link NoticeMails}), at most {@value #MAILS_PER_HOUR} an hour
 * per address (a sign-up form must not become a way to flood someone's mailbox).
 */
@Service
class SignUps {

	static final int VALIDITY_HOURS = 24;

	static final int MAILS_PER_HOUR = 3;

	record Pending(String email, String passwordHash, String displayName) {
	}

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final RateLimiter limits;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	SignUps(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, RateLimiter limits,
			PublicUrl publicUrl, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.limits = limits;
		this.publicUrl = publicUrl;
		this.events = events;
	}

	/** Records a validated sign-up and mails its address (a link, or a notice if the address is taken). */
	@Transactional
	public void request(String email, String password, String displayName) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		String hash = passwords.encode(password); // on both paths: the answer takes as long for a registered address
		long now = System.currentTimeMillis();
		if (limits.tryAcquire("signup-mail:" + normalized, MAILS_PER_HOUR, Duration.ofHours(1)) > 0) {
			return;
		}
		Optional<Account> existing = accounts.findByEmail(normalized);
		if (existing.isPresent()) {
			events.publishEvent(new AccountNotice(existing.get().id(), "有人尝试用你的邮箱注册砚 Inkstone / Someone tried to sign up with your e-mail",
					"有人（可能是你自己）刚刚尝试用这个邮箱注册新账号。这个邮箱已经有账号了，所以没有创建新账号。\n\n"
							+ "如果是你：请直接登录 " + publicUrl.absolute("/login") + "\n忘记了密码：" + publicUrl.absolute("/password/forgot")
							+ "\n\n如果不是你，可以忽略这封邮件，你的账号没有任何改变。\n\n"
							+ "Someone (perhaps you) just tried to sign up with this e-mail address. It already has an account, so no new"
							+ " account was created. If it was you, sign in or reset your password with the links above; if not, ignore"
							+ " this e-mail: nothing about your account changed."));
			return;
		}
		jdbc.sql("DELETE FROM signup_requests WHERE expires_at < :now").param("now", now).update();
		String token = OneTimeTokens.newToken();
		jdbc.sql("""
				INSERT INTO signup_requests (token_hash, email, password_hash, display_name, expires_at)
				VALUES (:h, :email, :hash, :name, :expires)""")
			.param("h", OneTimeTokens.sha256(token))
			.param("email", normalized)
			.param("hash", hash)
			.param("name", displayName.strip())
			.param("expires", now + Duration.ofHours(VALIDITY_HOURS).toMillis())
			.update();
		events.publishEvent(new MailNotice(normalized, "完成砚 Inkstone 注册 / Finish signing up to Inkstone",
				"你好，" + displayName.strip() + "：\n\n请在 " + VALIDITY_HOURS + " 小时内打开下面的链接完成注册：\n"
						+ publicUrl.absolute("/signup/confirm?token=" + token)
						+ "\n\n如果你没有注册过，请忽略此邮件，不会创建任何账号。\n\nOpen the link above within " + VALIDITY_HOURS
						+ " hours to finish signing up. If you did not sign up, ignore this e-mail: no account is created."));
	}

	/** The waiting sign-up of a valid, unexpired link. */
	Optional<Pending> pending(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT email, password_hash, display_name FROM signup_requests WHERE token_hash = :h AND expires_at > :now")
			.param("h", OneTimeTokens.sha256(token))
			.param("now", System.currentTimeMillis())
			.query(Pending.class)
			.optional();
	}

	enum Outcome {
		CREATED, INVALID, TAKEN
	}

	record Confirmation(Outcome outcome, SignedIn account) {
	}

	/**
	 * Creates the account of a valid link (its address verified by the link) and spends the link. TAKEN when the
	 * address got an account meanwhile (another link of the same address was confirmed first).
	 */
	@Transactional
	public Confirmation confirm(String token) {
		Optional<Pending> pending = pending(token);
		if (pending.isEmpty()) {
			return new Confirmation(Outcome.INVALID, null);
		}
		int spent = jdbc.sql("DELETE FROM signup_requests WHERE token_hash = :h").param("h", OneTimeTokens.sha256(token)).update();
		if (spent != 1) {
			return new Confirmation(Outcome.INVALID, null);
		}
		Pending p = pending.get();
		long id = Ids.next();
		if (!accounts.insert(id, p.email(), p.passwordHash(), p.displayName(), Role.READER, System.currentTimeMillis())) {
			return new Confirmation(Outcome.TAKEN, null);
		}
		accounts.markVerified(p.email());
		return new Confirmation(Outcome.CREATED, new SignedIn(id, p.email(), p.displayName(), Role.READER.name()));
	}

}
