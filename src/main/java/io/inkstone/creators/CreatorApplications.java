package io.inkstone.creators;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.inkstone.accounts.CreatorRoleGranted;
import io.inkstone.channels.Channels;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SignedIn;
import io.inkstone.shared.TwoLanguages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.accounts.ApplicationDecided;
import io.inkstone.audit.AuditLog;
import io.inkstone.rules.Rules;
import io.inkstone.shared.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * 申请入驻: applications to become a creator, validated (credit-code checksum, no
 * impersonation of a verified creator, unique handle), decided by a reviewer with a
 * written reason.
 */
@Service
public class CreatorApplications {

	/** In the order the join form offers them. */
	public static final List<String> ACCOUNT_TYPES = AccountTypes.CODES;

	static final int MAX_ATTEMPTS = 3;

	private final ApplicationRepository repository;

	private final Creators creators;

	private final Channels channels;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Rules rules;

	private final ObjectProvider<ApplicantAvatars> avatars;

	private final MessageSource messages;

	private final Clock clock;

	CreatorApplications(ApplicationRepository repository, Creators creators, Channels channels,
			ApplicationEventPublisher events, AuditLog audit, Rules rules, ObjectProvider<ApplicantAvatars> avatars,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.avatars = avatars;
		this.rules = rules;
		this.audit = audit;
		this.repository = repository;
		this.creators = creators;
		this.channels = channels;
		this.events = events;
	}

	/** What an applicant typed. */
	public record Form(String accountType, String displayName, String handle, String tagline, String channel,
			String contact, String entityName, String creditCode, boolean agreement) {

		static Form empty() {
			return new Form(AccountTypes.PERSONAL, "", "", "", "", "", "", "", false);
		}

	}

	public List<CreatorApplication> of(long accountId) {
		return repository.byAccount(accountId);
	}

	/**
	 * How many more times this account may apply ({@value #MAX_ATTEMPTS} applications in
	 * all).
	 */
	public int attemptsLeft(long accountId) {
		return Math.max(0, MAX_ATTEMPTS - repository.byAccount(accountId).size());
	}

	public List<CreatorApplication> pending() {
		return repository.pending();
	}

	/** Field → message key of every problem; a general problem has the key "form". */
	public Map<String, String> apply(long accountId, Form form) {
		return apply(accountId, form, null);
	}

	/**
	 * With an avatar image, checked and stored only once the form itself is valid. Not
	 * one transaction on purpose: image processing takes a while and must not hold the
	 * database's write lock; the application row is a single insert, written last.
	 */
	public Map<String, String> apply(long accountId, Form form, byte[] avatar) {
		Map<String, String> errors = validate(accountId, form);
		if (!errors.isEmpty()) {
			return errors;
		}
		String avatarUrl = avatar == null || avatar.length == 0 ? null : avatars.getObject().store(accountId, avatar);
		boolean organisation = AccountTypes.organisation(form.accountType());
		repository.insert(new CreatorApplication(Ids.next(), accountId, form.accountType(), form.displayName().strip(),
				form.handle().strip(), blankToNull(form.tagline()), form.channel(), form.contact().strip(),
				organisation ? form.entityName().strip() : null,
				organisation ? form.creditCode().strip().toUpperCase(Locale.ROOT) : null,
				"v" + rules.accept(accountId, Rules.CREATOR_AGREEMENT), "pending", null, clock.millis(), null,
				avatarUrl));
		return Map.of();
	}

	Map<String, String> validate(long accountId, Form form) {
		Map<String, String> errors = new TreeMap<>();
		List<CreatorApplication> previous = repository.byAccount(accountId);
		if (previous.stream().anyMatch(CreatorApplication::pending)) {
			errors.put("form", "join.error.pending");
		}
		else if (previous.stream().anyMatch(a -> "approved".equals(a.status()))
				|| creators.ofAccount(accountId).isPresent()) {
			errors.put("form", "join.error.already");
		}
		else if (previous.size() >= MAX_ATTEMPTS) {
			errors.put("form", "join.error.attempts");
		}
		if (!ACCOUNT_TYPES.contains(form.accountType())) {
			errors.put("accountType", "join.error.type");
		}
		String name = form.displayName() == null ? "" : form.displayName().strip();
		if (name.length() < 2 || name.length() > 30) {
			errors.put("displayName", "join.error.name");
		}
		else if (creators.verifiedNameExists(name)) {
			errors.put("displayName", "join.error.impersonation");
		}
		String handle = form.handle() == null ? "" : form.handle().strip();
		if (!Creators.isValidHandle(handle) || handle.length() < 3) {
			errors.put("handle", "join.error.handle");
		}
		else if (creators.handleTaken(handle) || repository.handlePending(handle)) {
			errors.put("handle", "join.error.handleTaken");
		}
		if (form.tagline() != null && form.tagline().length() > 100) {
			errors.put("tagline", "join.error.tagline");
		}
		if (form.channel() == null || channels.find(form.channel()).isEmpty()) {
			errors.put("channel", "join.error.channel");
		}
		if (form.contact() == null || form.contact().isBlank() || form.contact().length() > 200) {
			errors.put("contact", "join.error.contact");
		}
		if (AccountTypes.organisation(form.accountType())) {
			if (form.entityName() == null || form.entityName().isBlank() || form.entityName().length() > 200) {
				errors.put("entityName", "join.error.entity");
			}
			if (!CreditCode.isValid(form.creditCode() == null ? null : form.creditCode().strip())) {
				errors.put("creditCode", "join.error.creditCode");
			}
		}
		if (!form.agreement()) {
			errors.put("agreement", "join.error.agreement");
		}
		return errors;
	}

	/** Approves: the creator profile is created and the account may publish. */
	@Transactional
	public void approve(long applicationId) {
		CreatorApplication application = repository.find(applicationId)
			.orElseThrow(() -> new NotFoundException("no application"));
		if (!application.pending()) {
			throw new BadRequestException("problem.creators.alreadyDecided");
		}
		refuseOwnApplication(application);
		if (!creators.createForAccount(application)) {
			// stored in both languages, as a reviewer's written reason is shown as it is
			repository.decide(applicationId, "rejected", TwoLanguages.inline(messages, "join.rejected.handleTaken"),
					clock.millis());
			return;
		}
		repository.decide(applicationId, "approved", null, clock.millis());
		audit.record("application.approve", "application", applicationId, null, application.handle());
		events.publishEvent(new CreatorRoleGranted(application.accountId()));
		events.publishEvent(new ApplicationDecided(application.accountId(), true, null, applicationId));
	}

	/** Rejects with a reason the applicant sees. */
	@Transactional
	public void reject(long applicationId, String reason) {
		CreatorApplication application = repository.find(applicationId)
			.orElseThrow(() -> new NotFoundException("no application"));
		if (!application.pending()) {
			throw new BadRequestException("problem.creators.alreadyDecided");
		}
		refuseOwnApplication(application);
		repository.decide(applicationId, "rejected", reason.strip(), clock.millis());
		audit.record("application.reject", "application", applicationId, reason.strip(), application.handle());
		events.publishEvent(new ApplicationDecided(application.accountId(), false, reason.strip(), applicationId));
	}

	/**
	 * Nobody decides their own application: a staff member who applies (a reviewer who
	 * also wants to write) is decided by someone else, as with appeals.
	 */
	private static void refuseOwnApplication(CreatorApplication application) {
		SignedIn.current().filter(decider -> decider.accountId() == application.accountId()).ifPresent(decider -> {
			throw new ForbiddenException("problem.creators.ownApplication");
		});
	}

	/**
	 * An organisation creator's disclosed details (entity, credit code, field, contact)
	 * from its approved application.
	 */
	public Optional<CreatorApplication> organisationOf(long creatorId) {
		return creators.accountOf(creatorId)
			.flatMap(account -> repository.byAccount(account)
				.stream()
				.filter(a -> "approved".equals(a.status()) && a.entityName() != null)
				.findFirst());
	}

	public Optional<CreatorApplication> find(long id) {
		return repository.find(id);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
