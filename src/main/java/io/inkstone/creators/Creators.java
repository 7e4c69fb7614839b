package io.inkstone.creators;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.AfterCommit;
import io.inkstone.shared.Ids;
import io.inkstone.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.accounts.AccountDeleted;
import io.inkstone.shared.ForbiddenException;
import io.inkstone.shared.PlatformDays;
import io.inkstone.shared.SignedIn;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The creator API: profiles (cached by id), creation for imports, follows. */
@Service
public class Creators {

	/**
	 * Handles may be CJK (classical authors are known by their names); no spaces, slashes
	 * or markup.
	 */
	private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}_.·-]{1,64}");

	private final CreatorRepository repository;

	private final ApplicationEventPublisher events;

	/**
	 * Profiles change rarely; other nodes see a change (IP属地, tagline) within the expiry.
	 */
	private final Cache<Long, Creator> byId = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private final Cache<Long, Long> followerCounts = Caffeine.newBuilder().maximumSize(50_000).build();

	/**
	 * "reader:creator" → following; entries change only through this class, which updates
	 * them.
	 */
	private final Cache<String, Boolean> following = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	private final IpRegions ipRegions;

	private final Clock clock;

	Creators(CreatorRepository repository, ApplicationEventPublisher events, IpRegions ipRegions, Clock clock) {
		this.clock = clock;
		this.ipRegions = ipRegions;
		this.repository = repository;
		this.events = events;
	}

	public static boolean isValidHandle(String handle) {
		return handle != null && HANDLE.matcher(handle).matches();
	}

	public Creator get(String handle) {
		if (!isValidHandle(handle)) {
			throw new NotFoundException("no such creator");
		}
		return repository.findByHandle(handle)
			.orElseThrow(() -> new NotFoundException("problem.creators.noSuchCreator"));
	}

	public Creator get(long id) {
		return byId.get(id,
				key -> repository.findById(key).orElseThrow(() -> new NotFoundException("no creator " + key)));
	}

	public Map<Long, Creator> getAll(Collection<Long> ids) {
		Map<Long, Creator> found = new HashMap<>(byId.getAllPresent(ids));
		if (found.size() < ids.size()) {
			Set<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toSet());
			for (Creator creator : repository.findAllById(missing)) {
				byId.put(creator.id(), creator);
				found.put(creator.id(), creator);
			}
		}
		return found;
	}

	/** Finds the creator by handle or creates a personal (个人) profile for it. */
	public Creator ensure(String handle, String displayName) {
		Optional<Creator> existing = repository.findByHandle(handle);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!isValidHandle(handle)) {
			throw new IllegalArgumentException("invalid creator handle: " + handle);
		}
		String name = displayName == null || displayName.isBlank() ? handle : displayName.strip();
		repository.insertIfAbsent(Ids.next(), handle, name, null, AccountTypes.PERSONAL, clock.millis());
		return repository.findByHandle(handle).orElseThrow();
	}

	/** 注销: the deleted account's follows go (and the counts they fed). */
	@EventListener
	void on(AccountDeleted deleted) {
		for (Long creatorId : repository.followedBy(deleted.readerKey())) {
			AfterCommit.run(() -> events.publishEvent(new CreatorFollowChanged(creatorId, deleted.readerKey())));
		}
		repository.deleteFollows(deleted.readerKey());
	}

	/** The creators a reader follows (ids). */
	public List<Long> followedBy(String readerKey) {
		return repository.followedBy(readerKey);
	}

	/** Display names of all creators (for the search suggestions). */
	public List<String> displayNames() {
		return repository.displayNames();
	}

	/**
	 * Handles of up to {@code limit} creators whose display name is exactly
	 * {@code displayName}, oldest first.
	 */
	public List<String> handlesNamed(String displayName, int limit) {
		return repository.handlesNamed(displayName, limit);
	}

	/** The account behind a creator profile (imported creators have none). */
	public Optional<Long> accountOf(long creatorId) {
		return repository.accountOf(creatorId);
	}

	/**
	 * The creator edits their tagline and avatar (an image URL from their media library,
	 * or null).
	 */
	public void updateProfile(long creatorId, String tagline, String avatarUrl) {
		repository.updateProfile(creatorId, tagline == null || tagline.isBlank() ? null : tagline.strip(), avatarUrl);
		profileChanged(creatorId);
	}

	/**
	 * Only the avatar: the account's avatar change arrives after its commit, while the
	 * creator may be saving a new tagline on the profile page at the same moment.
	 */
	void updateAvatar(long creatorId, String avatarUrl) {
		repository.updateAvatar(creatorId, avatarUrl);
		profileChanged(creatorId);
	}

	/** Drops the cached card now and once the change commits, then tells the pages. */
	private void profileChanged(long creatorId) {
		byId.invalidate(creatorId);
		AfterCommit.run(() -> {
			byId.invalidate(creatorId);
			events.publishEvent(new CreatorProfileChanged(creatorId));
		});
	}

	/**
	 * Records the region (IP属地) of the creator's latest sign-in or publication; the
	 * address itself is not stored.
	 */
	public void recordLocation(long creatorId, String ip) {
		String region = ipRegions.regionOf(ip);
		if (repository.updateRegion(creatorId, region)) {
			byId.invalidate(creatorId);
		}
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedIn.HasSignedIn principal
				&& event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			ofAccount(principal.signedIn().accountId())
				.ifPresent(c -> recordLocation(c.id(), details.getRemoteAddress()));
		}
	}

	/**
	 * The signed-in account's creator profile; 404 for anyone who is not (yet) a creator.
	 */
	public Creator signedIn() {
		return SignedIn.current()
			.flatMap(account -> ofAccount(account.accountId()))
			.orElseThrow(() -> new NotFoundException("problem.creators.notACreatorYet"));
	}

	/** The creator profile of a signed-in account, if it has been approved. */
	public Optional<Creator> ofAccount(long accountId) {
		return repository.findByAccount(accountId);
	}

	boolean verifiedNameExists(String displayName) {
		return repository.verifiedNameExists(displayName);
	}

	boolean handleTaken(String handle) {
		return repository.findByHandle(handle).isPresent();
	}

	/**
	 * Creates the approved creator's profile; false if the handle was taken meanwhile.
	 */
	boolean createForAccount(CreatorApplication a) {
		return repository.insertForAccount(Ids.next(), a.accountId(), a.handle(), a.displayName(), a.tagline(),
				a.accountType(), a.avatarUrl(), clock.millis());
	}

	/**
	 * The true follower count (COUNT over follows), cached until a follow or unfollow of
	 * this creator.
	 */
	public long followerCount(long creatorId) {
		return followerCounts.get(creatorId, repository::countFollowers);
	}

	/**
	 * The newest followers first (reader keys: {@code u<hex account id>} for accounts,
	 * else an anonymous reader).
	 */
	public List<Follower> followers(long creatorId, int limit) {
		return repository.followers(creatorId, limit);
	}

	/**
	 * New followers per platform day (yyyymmdd) since {@code since}; days without any are
	 * absent.
	 */
	public Map<Integer, Long> newFollowersPerDay(long creatorId, long since) {
		Map<Integer, Long> perDay = new TreeMap<>();
		for (long at : repository.followTimes(creatorId, since)) {
			perDay.merge(PlatformDays.of(at), 1L, Long::sum);
		}
		return perDay;
	}

	public boolean isFollowing(String readerKey, long creatorId) {
		return following.get(readerKey + ':' + creatorId, key -> repository.isFollowing(readerKey, creatorId));
	}

	@EventListener
	void on(CreatorFollowChanged changed) {
		followerCounts.invalidate(changed.creatorId());
		following.invalidate(changed.readerKey() + ':' + changed.creatorId());
	}

	@Transactional
	public void follow(String readerKey, String handle) {
		Creator creator = get(handle);
		if (isSelf(creator)) {
			throw new ForbiddenException("problem.creators.youCannotFollowYourself");
		}
		long now = clock.millis();
		if (repository.follow(readerKey, creator.id(), now)) {
			events.publishEvent(new CreatorFollowed(creator.id(), readerKey, now));
		}
		AfterCommit.run(() -> events.publishEvent(new CreatorFollowChanged(creator.id(), readerKey)));
	}

	/**
	 * Whether the signed-in account of this request is {@code creator} (who may not
	 * follow or report themselves).
	 */
	public boolean isSelf(Creator creator) {
		return SignedIn.current()
			.flatMap(account -> ofAccount(account.accountId()))
			.filter(own -> own.id() == creator.id())
			.isPresent();
	}

	@Transactional
	public void unfollow(String readerKey, String handle) {
		Creator creator = get(handle);
		repository.unfollow(readerKey, creator.id());
		AfterCommit.run(() -> events.publishEvent(new CreatorFollowChanged(creator.id(), readerKey)));
	}

}
