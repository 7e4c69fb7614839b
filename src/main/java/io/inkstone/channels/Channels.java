package io.inkstone.channels;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.inkstone.shared.Ids;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import java.time.Duration;

/** The channel API: lookup (cached, channels change rarely) and creation for imports. */
@Service
public class Channels {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private final ChannelRepository repository;

	private final InkstoneProperties.Channels config;

	private final LoadingCache<String, List<Channel>> all;

	private final Clock clock;

	Channels(ChannelRepository repository, InkstoneProperties properties, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.config = properties.channels();
		// Channels change rarely, but another process or node may add one: a miss reloads
		// (see find/get).
		this.all = Caffeine.newBuilder()
			.maximumSize(1)
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(key -> repository.findAll());
	}

	/** Creates the configured default channels on a fresh site. */
	@EventListener(ApplicationReadyEvent.class)
	public void ensureDefaults() {
		if (repository.count() > 0) {
			return;
		}
		int position = 1;
		for (Map.Entry<String, String> entry : config.defaults().entrySet()) {
			repository.insertIfAbsent(Ids.next(), entry.getKey(), entry.getValue(), position++,
					config.originalTabs().contains(entry.getKey()), clock.millis());
		}
		all.invalidateAll();
	}

	public List<Channel> all() {
		return all.get("all");
	}

	public Map<Long, Channel> byId() {
		return all().stream().collect(Collectors.toMap(Channel::id, Function.identity()));
	}

	public Optional<Channel> find(String slug) {
		Optional<Channel> found = all().stream().filter(c -> c.slug().equals(slug)).findFirst();
		if (found.isEmpty() && isValidSlug(slug) && repository.findBySlug(slug).isPresent()) {
			all.invalidateAll(); // created elsewhere since we cached the list
			return all().stream().filter(c -> c.slug().equals(slug)).findFirst();
		}
		return found;
	}

	/**
	 * The channel a person names: by slug ({@code military}) or, as readers see it, by
	 * display name ({@code 军事}); the slug wins when both match different channels.
	 */
	public Optional<Channel> findBySlugOrName(String ref) {
		if (ref == null || ref.isBlank()) {
			return Optional.empty();
		}
		String wanted = ref.strip();
		Optional<Channel> bySlug = find(wanted);
		if (bySlug.isPresent()) {
			return bySlug;
		}
		return all().stream().filter(c -> c.name().equals(wanted)).findFirst();
	}

	public Channel get(String slug) {
		return find(slug).orElseThrow(() -> new NotFoundException("problem.channels.noSuchChannel", slug));
	}

	public Channel get(long id) {
		Channel channel = byId().get(id);
		if (channel == null) {
			all.invalidateAll(); // created elsewhere since we cached the list
			channel = byId().get(id);
		}
		if (channel == null) {
			throw new NotFoundException("no channel " + id);
		}
		return channel;
	}

	public static boolean isValidSlug(String slug) {
		return slug != null && SLUG.matcher(slug).matches();
	}

	/**
	 * Finds the channel by slug or creates it with the given display name (an import
	 * brings names the site's configuration does not know, e.g. WordPress category
	 * names); a configured name still wins.
	 */
	public Channel ensureNamed(String slug, String name) {
		return ensure(slug, () -> {
			String display = config.names().getOrDefault(slug, name == null || name.isBlank() ? slug : name.strip());
			return display.length() > 40 ? display.substring(0, 40) : display;
		});
	}

	/**
	 * Finds the channel or creates it, named from {@code inkstone.channels.names} (else
	 * the slug).
	 */
	public Channel ensure(String slug) {
		return ensure(slug, () -> config.names().getOrDefault(slug, config.defaults().getOrDefault(slug, slug)));
	}

	/**
	 * The channel of {@code slug}, or of the channel it was merged into, or a new one
	 * named {@code name} (asked only then).
	 */
	private Channel ensure(String slug, Supplier<String> name) {
		Optional<Channel> existing = find(slug);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!isValidSlug(slug)) {
			throw new IllegalArgumentException("invalid channel slug: " + slug);
		}
		Optional<Channel> successor = mergedInto(slug).flatMap(this::find);
		if (successor.isPresent()) {
			return successor.get();
		}
		repository.insertIfAbsent(Ids.next(), slug, name.get(), repository.nextPosition(),
				config.originalTabs().contains(slug), clock.millis());
		all.invalidateAll();
		return repository.findBySlug(slug).orElseThrow();
	}

	/** The channels readers see in the navigation (not hidden), in order. */
	public List<Channel> visible() {
		return all().stream().filter(c -> !c.hidden()).toList();
	}

	/**
	 * An admin adds a channel at the end; empty if the slug is taken (or invalid).
	 */
	public Optional<Channel> add(String slug, String name) {
		if (!isValidSlug(slug) || repository.findBySlug(slug).isPresent()) {
			return Optional.empty();
		}
		repository.insertIfAbsent(Ids.next(), slug, name.strip(), repository.nextPosition(),
				config.originalTabs().contains(slug), clock.millis());
		all.invalidateAll();
		return repository.findBySlug(slug);
	}

	public void rename(long id, String name) {
		if (!repository.rename(id, name.strip())) {
			throw new NotFoundException("no channel " + id);
		}
		all.invalidateAll();
	}

	public void hide(long id, boolean hidden) {
		if (!repository.hide(id, hidden)) {
			throw new NotFoundException("no channel " + id);
		}
		all.invalidateAll();
	}

	/**
	 * Moves a channel one place up ({@code -1}) or down ({@code 1}); the positions are
	 * renumbered 1..n. False when it is already first or last.
	 */
	public boolean move(long id, int direction) {
		List<Channel> order = new ArrayList<>(repository.findAll());
		int at = -1;
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).id() == id) {
				at = i;
			}
		}
		if (at < 0) {
			throw new NotFoundException("no channel " + id);
		}
		int to = at + Integer.signum(direction);
		if (direction == 0 || to < 0 || to >= order.size()) {
			return false;
		}
		Collections.swap(order, at, to);
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).position() != i + 1) {
				repository.position(order.get(i).id(), i + 1);
			}
		}
		all.invalidateAll();
		return true;
	}

	/**
	 * An admin merges {@code from} into {@code into} (the articles are moved by the
	 * caller): {@code from} leaves every list, and {@link #mergedInto(String)} names
	 * {@code into} for its old addresses. False if {@code from} was merged already.
	 */
	public boolean merge(long from, long into) {
		boolean merged = repository.merge(from, into);
		all.invalidateAll();
		return merged;
	}

	/**
	 * The slug of the channel that a merged channel went into, for a 301 from its old
	 * addresses; empty for any other slug.
	 */
	public Optional<String> mergedInto(String slug) {
		if (!isValidSlug(slug) || find(slug).isPresent()) {
			return Optional.empty();
		}
		return repository.mergedInto(slug);
	}

	/** Another node changed the channels: read them again. */
	@EventListener
	void on(SiteSettingsChanged changed) {
		if (changed.touches(SiteSettings.CHANNELS_VERSION)) {
			all.invalidateAll();
		}
	}

}
