package io.inkstone.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.inkstone.web.ServerSecrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Arrays;

/**
 * Which kinds of notice an account also wants by mail (table {@code mail_preferences}; a
 * kind without a row has its {@linkplain NoticeKind#mailByDefault() default}), and the
 * signed one-click unsubscribe tokens put in every such mail. A token names an account
 * and a kind, is signed with a server secret (HMAC-SHA256) and works without signing in;
 * it never expires, as a List-Unsubscribe link must keep working.
 */
@Service
public class MailPreferences {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final ServerSecrets secrets;

	private final Clock clock;

	MailPreferences(JdbcClient jdbc, ServerSecrets secrets, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/** Every kind with whether it comes by mail for this account. */
	public Map<NoticeKind, Boolean> of(long accountId) {
		Map<NoticeKind, Boolean> choices = new EnumMap<>(NoticeKind.class);
		for (NoticeKind kind : NoticeKind.values()) {
			choices.put(kind, kind.mailByDefault());
		}
		jdbc.sql("SELECT kind, mail FROM mail_preferences WHERE account_id = :a")
			.param("a", accountId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.forEach(row -> NoticeKind.parse(row.getKey()).ifPresent(kind -> choices.put(kind, row.getValue())));
		return choices;
	}

	public boolean wantsMail(long accountId, NoticeKind kind) {
		return of(accountId).get(kind);
	}

	@Transactional
	public void set(long accountId, NoticeKind kind, boolean mail) {
		jdbc.sql("INSERT INTO mail_preferences (account_id, kind, mail, updated_at) VALUES (:a, :k, :m, :at)"
				+ " ON CONFLICT (account_id, kind) DO UPDATE SET mail = :m, updated_at = :at")
			.param("a", accountId)
			.param("k", kind.code())
			.param("m", mail)
			.param("at", clock.millis())
			.update();
	}

	@Transactional
	public void setAll(long accountId, Map<NoticeKind, Boolean> choices) {
		choices.forEach((kind, mail) -> set(accountId, kind, mail));
	}

	/** The token for "no more mail of {@code kind}" to this account. */
	public String unsubscribeToken(long accountId, NoticeKind kind) {
		String payload = Long.toString(accountId, 36) + "." + kind.code();
		return payload + "." + B64.encodeToString(sign(payload));
	}

	/** The account and kind a genuine token names; empty for anything else. */
	public Optional<Unsubscribe> verify(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		String payload = parts[0] + "." + parts[1];
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(sign(payload), given)) {
			return Optional.empty();
		}
		Optional<NoticeKind> kind = NoticeKind.parse(parts[1]);
		try {
			long account = Long.parseLong(parts[0], 36);
			return kind.map(k -> new Unsubscribe(account, k));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** What an unsubscribe token names. */
	public record Unsubscribe(long accountId, NoticeKind kind) {
	}

	/** Forgets an account's choices (the account is being deleted). */
	@Transactional
	public void forget(long accountId) {
		jdbc.sql("DELETE FROM mail_preferences WHERE account_id = :a").param("a", accountId).update();
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secrets.get("mail-unsubscribe"), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 18);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
