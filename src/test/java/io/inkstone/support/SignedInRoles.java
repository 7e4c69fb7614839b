package io.inkstone.support;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.api.ApiTokens;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.shared.Ids;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people of an HTTP contract, each a fresh account signed in over real HTTP with its
 * CSRF token handled: an administrator, a reviewer, a reader, and a creator approved
 * through 申请入驻. A contract imports it and asks for whom it needs:
 *
 * <pre>
 * &#64;Import(SignedInRoles.class)
 * abstract class XxxContract {
 *
 * 	&#64;Autowired
 * 	SignedInRoles roles;
 *
 * 	&#64;Test
 * 	void onlyStaffSeeIt() {
 * 		assertThat(roles.reader().get("/admin").statusCode()).isEqualTo(403);
 * 	}
 * </pre>
 *
 * Every account has the password {@link #PASSWORD}; every sign-in must end in a redirect
 * that is not the login error. All of them sign in from the test's own address, which may
 * sign in 30 times in ten minutes (LoginThrottle); a contract that signs in more people
 * imports {@link EachFromOwnAddress} instead.
 */
public class SignedInRoles {

	public static final String PASSWORD = "correct-horse-1";

	private static final AtomicLong LAST = new AtomicLong();

	private final Environment environment;

	private final Accounts accounts;

	private final CreatorApplications applications;

	private final Creators creators;

	private final JdbcClient jdbc;

	private final ApiTokens apiTokens;

	public SignedInRoles(Environment environment, Accounts accounts, CreatorApplications applications,
			Creators creators, JdbcClient jdbc, ApiTokens apiTokens) {
		this.environment = environment;
		this.accounts = accounts;
		this.applications = applications;
		this.creators = creators;
		this.jdbc = jdbc;
		this.apiTokens = apiTokens;
	}

	/**
	 * A name no other call in this JVM answers: {@code prefix} and the clock's
	 * nanoseconds in base 36 (never the same twice).
	 */
	public static String unique(String prefix) {
		long now = System.nanoTime();
		return prefix + Long.toString(LAST.updateAndGet(last -> Math.max(last + 1, now)), 36);
	}

	/** The port the application under test listens on (known once it has started). */
	public int port() {
		return environment.getRequiredProperty("local.server.port", Integer.class);
	}

	/** A new account with this display name and role; answers its id. */
	public long account(String name, Role role) {
		return accounts.signUp(unique("u") + "@inkstone.test", PASSWORD, name, role).orElseThrow().accountId();
	}

	/** The e-mail address an account signs in with. */
	public String email(long accountId) {
		return jdbc.sql("SELECT email FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
	}

	/**
	 * Marks the account's e-mail address verified, as opening the link mailed at sign-up
	 * does (applying through 申请入驻 needs it when mail is configured).
	 */
	public void verifyEmail(long accountId) {
		jdbc.sql("UPDATE accounts SET email_verified = TRUE WHERE id = :id").param("id", accountId).update();
	}

	/** Signs an account made by {@link #account} in. */
	public Browser signIn(long accountId) {
		return signIn(email(accountId), PASSWORD);
	}

	/**
	 * Signs in through {@code POST /login} as the login page's form does (CSRF token
	 * included) and checks that it worked.
	 */
	public Browser signIn(String email, String password) {
		Browser browser = newBrowser();
		browser.page("/login");
		HttpResponse<String> response = browser.post("/login",
				Map.of("_csrf", browser.csrfToken(), "email", email, "password", password));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).as("signed in as " + email)
			.doesNotContain("error");
		return browser;
	}

	/** The browser a sign-in starts in: new, without cookies. */
	protected Browser newBrowser() {
		return new Browser(port());
	}

	/** A new administrator, signed in. */
	public Browser admin() {
		return signIn(account("管理员", Role.ADMIN));
	}

	/** A new reviewer, signed in. */
	public Browser reviewer() {
		return signIn(account("审核员", Role.REVIEWER));
	}

	/** A new reader, signed in. */
	public Browser reader() {
		return signIn(account("读者", Role.READER));
	}

	/** A new creator approved through 申请入驻 (display name 作者…), not signed in. */
	public Creator creator() {
		return creator("作者");
	}

	/**
	 * A new reader account that applies through 申请入驻 with a display name starting with
	 * {@code name}, approved; not signed in ({@link Creator#signIn()}).
	 */
	public Creator creator(String name) {
		long account = account(name, Role.READER);
		return new Creator(this, account, approve(account, name));
	}

	/** Approves this account as a creator through 申请入驻; answers the creator id. */
	public long approve(long accountId, String name) {
		applications.approve(application(accountId, name));
		return creators.ofAccount(accountId).orElseThrow().id();
	}

	/**
	 * This account applies through 申请入驻 (as {@link #apply} does); answers the
	 * application, pending.
	 */
	public long application(long accountId, String name) {
		apply(accountId, name);
		return applications.of(accountId).stream().map(CreatorApplication::id).findFirst().orElseThrow();
	}

	/** The handle of this creator ({@code /creators/<handle>}). */
	public String handle(long creatorId) {
		return jdbc.sql("SELECT handle FROM creators WHERE id = :id")
			.param("id", creatorId)
			.query(String.class)
			.single();
	}

	/**
	 * This account applies through 申请入驻 (a personal creator, display name starting with
	 * {@code name}, a fresh handle), and the application is taken.
	 */
	public void apply(long accountId, String name) {
		String handle = unique("w");
		assertThat(applications.apply(accountId, new CreatorApplications.Form("个人",
				name + handle.substring(handle.length() - 5), handle, "", "tech", "微信 inkstone", "", "", true)))
			.isEmpty();
	}

	/**
	 * A creator account ({@code <handle>@inkstone.test}, display name 作者{@code <handle>})
	 * with its profile written as an approved 申请入驻 leaves it, with this tagline; signed
	 * in. {@link #signInAs(String)} signs it in again.
	 */
	public Browser creatorWithHandle(String handle, String tagline) {
		creatorAccount(handle, tagline);
		return signInAs(handle);
	}

	/**
	 * The account of {@link #creatorWithHandle}, not signed in (no sign-in counts against
	 * the per-address limit); answers its id.
	 */
	public long creatorAccount(String handle, String tagline) {
		String email = handle + "@inkstone.test";
		long accountId = accounts.signUp(email, PASSWORD, "作者" + handle, Role.CREATOR).orElseThrow().accountId();
		jdbc.sql(
				"INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region, created_at,"
						+ " account_id) VALUES (:id, :handle, :name, NULL, :tagline, '个人', FALSE, NULL, :now, :account)")
			.param("id", Ids.next())
			.param("handle", handle)
			.param("name", "作者" + handle)
			.param("tagline", tagline)
			.param("now", System.currentTimeMillis())
			.param("account", accountId)
			.update();
		return accountId;
	}

	/**
	 * An API token of this account as /studio/tokens makes one (90 days), without the
	 * studio: for tests about what a token does, not about making one. Answers the
	 * secret.
	 */
	public String apiToken(long accountId, String name, boolean write) {
		return apiTokens.create(accountId, name, write, 90).secret();
	}

	/**
	 * Signs the creator made by {@link #creatorWithHandle} in again, in a new browser.
	 */
	public Browser signInAs(String handle) {
		return signIn(handle + "@inkstone.test", PASSWORD);
	}

	/** An approved creator: the account, the creator profile, and a way to sign in. */
	public record Creator(SignedInRoles roles, long accountId, long creatorId) {

		public Browser signIn() {
			return roles.signIn(accountId);
		}

		/** Its handle ({@code /creators/<handle>}). */
		public String handle() {
			return roles.handle(creatorId);
		}

	}

	/**
	 * The same people, each behind the documented reverse proxy with a client address of
	 * their own: every request of a browser it signs in carries an
	 * {@code X-Forwarded-For} from 198.18.0.0/15 (the benchmarking range), which the
	 * application believes from loopback. For a contract that signs in more people than
	 * one address may in ten minutes; import it in place of {@link SignedInRoles}.
	 */
	public static class EachFromOwnAddress extends SignedInRoles {

		private static final AtomicInteger LAST_ADDRESS = new AtomicInteger();

		public EachFromOwnAddress(Environment environment, Accounts accounts, CreatorApplications applications,
				Creators creators, JdbcClient jdbc, ApiTokens apiTokens) {
			super(environment, accounts, applications, creators, jdbc, apiTokens);
		}

		@Override
		protected Browser newBrowser() {
			int n = LAST_ADDRESS.incrementAndGet() & 0x1ffff;
			return super.newBrowser().header("X-Forwarded-For",
					"198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff));
		}

	}

}
