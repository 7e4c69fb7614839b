package io.inkstone.accounts;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.inkstone.shared.Ids;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TwoLanguages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.audit.AuditLog;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The accounts API: sign-up with validation, sign-in lookup, the admin bootstrap, role
 * changes.
 */
@Service
public class Accounts implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	/**
	 * No control characters (NUL included): PostgreSQL refuses NUL in text, and no
	 * mailbox has one.
	 */
	private static final Pattern EMAIL = Pattern
		.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]{2,}");

	static final int MIN_PASSWORD = 8;

	/**
	 * BCrypt reads at most 72 bytes (and Spring Security refuses more): 72 Latin letters,
	 * 24 Chinese characters.
	 */
	static final int MAX_PASSWORD_BYTES = 72;

	/**
	 * At least {@value #MIN_PASSWORD} characters, at most {@value #MAX_PASSWORD_BYTES}
	 * bytes in UTF-8, no NUL.
	 */
	static boolean acceptablePassword(String password) {
		return password != null && password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD_BYTES // cheap
																												// bound
																												// before
																												// encoding
				&& password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES && password.indexOf('\0') < 0;
	}

	private final AccountRepository repository;

	private final AuditLog audit;

	private final PasswordEncoder passwords;

	private final Environment environment;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	Accounts(AccountRepository repository, PasswordEncoder passwords, Environment environment,
			ApplicationEventPublisher events, AuditLog audit, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.audit = audit;
		this.events = events;
		this.repository = repository;
		this.passwords = passwords;
		this.environment = environment;
	}

	static boolean acceptableEmail(String email) {
		return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
	}

	/**
	 * Field → message key for everything wrong with a sign-up; empty when it may proceed.
	 */
	Map<String, String> validate(String email, String password, String name) {
		Map<String, String> errors = new TreeMap<>();
		if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
			errors.put("email", "accounts.error.email");
		}
		if (!acceptablePassword(password)) {
			errors.put("password", "accounts.error.password");
		}
		if (name == null || name.isBlank() || name.strip().length() > 50
				|| name.chars().anyMatch(Character::isISOControl)) {
			errors.put("displayName", "accounts.error.name");
		}
		return errors;
	}

	/** Creates a reader account. Empty when the e-mail is already registered. */
	@Transactional
	public Optional<SignedIn> signUp(String email, String password, String name, Role role) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		long id = Ids.next();
		if (!repository.insert(id, normalized, passwords.encode(password), name.strip(), role, clock.millis())) {
			return Optional.empty();
		}
		return Optional.of(new SignedIn(id, normalized, name.strip(), role.name()));
	}

	/** Display names of these accounts (missing ids are absent). */
	public Map<Long, String> displayNames(Collection<Long> ids) {
		return repository.displayNames(ids);
	}

	/**
	 * The account as it is now (role, name), for credentials other than a session such as
	 * API tokens; empty if gone or suspended.
	 */
	public Optional<SignedIn> signedInOf(long accountId) {
		return repository.findActiveById(accountId).map(Account::signedIn);
	}

	public boolean hasAdmin() {
		return repository.countAdmins() > 0;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = repository.findByEmail(email.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("no account"));
		return principal(account);
	}

	static AccountPrincipal principal(Account account) {
		return new AccountPrincipal(account.signedIn(), account.passwordHash());
	}

	/**
	 * {@code INKSTONE_ADMIN_EMAIL} + {@code INKSTONE_ADMIN_PASSWORD} create the admin on
	 * an empty site.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void bootstrapAdmin() {
		String email = environment.getProperty("INKSTONE_ADMIN_EMAIL",
				environment.getProperty("inkstone.admin.email", ""));
		String password = environment.getProperty("INKSTONE_ADMIN_PASSWORD",
				environment.getProperty("inkstone.admin.password", ""));
		if (email.isBlank() || password.isBlank() || hasAdmin()) {
			return;
		}
		if (!validate(email, password, "Admin").isEmpty()) {
			log.warn("INKSTONE_ADMIN_EMAIL/PASSWORD are not valid (e-mail, password ≥ {} characters); no admin created",
					MIN_PASSWORD);
			return;
		}
		// a display name is stored in one language: the bundle's Chinese
		signUp(email, password, TwoLanguages.chinese(messages, "account.admin.defaultName"), Role.ADMIN);
		repository.markVerified(email.strip().toLowerCase(Locale.ROOT));
		log.info("Admin account created for {}", email);
	}

	/**
	 * Deletes the account after checking its password. Creators and staff are refused: a
	 * creator's public profile and articles need their own decision (export, transfer,
	 * removal) first.
	 * @return false when the password is wrong
	 */
	@Transactional
	public boolean delete(long accountId, String password) {
		Account account = repository.findById(accountId).orElseThrow();
		if (!Role.READER.name().equals(account.role())) {
			throw new BadRequestException("problem.accounts.creatorsAndStaffContactThePlatform");
		}
		if (password == null || !passwords.matches(password, account.passwordHash())) {
			return false;
		}
		repository.delete(accountId);
		events.publishEvent(new AccountDeleted(accountId, "u" + Long.toHexString(accountId)));
		return true;
	}

	/** Admins and reviewers, for the staff page. */
	public List<StaffMember> staff() {
		return repository.staff()
			.stream()
			.map(a -> new StaffMember(a.id(), a.email(), a.displayName(), a.role()))
			.toList();
	}

	/**
	 * Appoints a reader as reviewer. Creators stay creators (one role per account keeps
	 * reviewing and publishing apart); the change is audited with its reason and applies
	 * to the reader's session at once.
	 */
	/** An account as the staff page shows it, with its role now; empty when unknown. */
	public Optional<StaffMember> member(long accountId) {
		return repository.findById(accountId).map(a -> new StaffMember(a.id(), a.email(), a.displayName(), a.role()));
	}

	/** Appoints as above; returns the account's id. */
	@Transactional
	public long appointReviewer(String email, String reason) {
		Account account = repository.findByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new BadRequestException("problem.accounts.noAccountWithThisEMail"));
		if (!Role.READER.name().equals(account.role())) {
			throw new BadRequestException("problem.accounts.onlyReaderAccountsCanBecomeReviewers");
		}
		requireReason(reason);
		repository.setRole(account.id(), Role.REVIEWER);
		events.publishEvent(new AccountRoleChanged(account.id(), Role.REVIEWER.name()));
		audit.record("staff.appoint-reviewer", "account", account.id(), reason.strip(), account.email());
		return account.id();
	}

	@Transactional
	public void revokeReviewer(long accountId, String reason) {
		Account account = repository.findById(accountId)
			.filter(a -> Role.REVIEWER.name().equals(a.role()))
			.orElseThrow(() -> new NotFoundException("no reviewer " + accountId));
		requireReason(reason);
		repository.setRole(account.id(), Role.READER);
		events.publishEvent(new AccountRoleChanged(account.id(), Role.READER.name()));
		audit.record("staff.revoke-reviewer", "account", account.id(), reason.strip(), account.email());
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new BadRequestException("problem.accounts.aReasonIsRequired");
		}
	}

	@EventListener
	@Transactional
	void on(CreatorRoleGranted granted) {
		repository.findById(granted.accountId()).ifPresent(account -> {
			if (Role.READER.name().equals(account.role())) {
				repository.setRole(account.id(), Role.CREATOR);
				events.publishEvent(new AccountRoleChanged(account.id(), Role.CREATOR.name()));
			}
		});
	}

}
