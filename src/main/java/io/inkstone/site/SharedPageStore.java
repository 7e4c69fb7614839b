package io.inkstone.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.inkstone.web.SharedPage;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers anonymous page requests ({@link SharedPage}) from rendered bytes kept in
 * memory, ahead of Spring Security and MVC: a hit copies bytes (identity or
 * pre-compressed gzip) and builds no page model. A miss renders once through the whole
 * application while concurrent readers of the same page wait for that render (no
 * stampede). Only a 200 HTML response without {@code Set-Cookie} is kept. Everything is
 * dropped on {@link #purge()} (after every committed article change, on every node
 * through the change feed, and when the hot list moves), the pages of one address on
 * {@link #purge(String)} (an article's comments changed), and entries live
 * {@code inkstone.pages.ttl} at most, which bounds how old comments and counts shown
 * without JavaScript can be.
 */
class SharedPageStore extends OncePerRequestFilter {

	/** A stored page: headers to replay, identity and gzip bytes, a strong ETag. */
	record Entry(List<String[]> headers, byte[] identity, byte[] gzip, String etag, long generation) {

		int weight() {
			return identity.length + gzip.length + 512;
		}

	}

	record Key(String uri, String query, String locale, String mode) {
	}

	private static final String[] OWN_HEADERS = { HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE, HttpHeaders.ETAG,
			HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, HttpHeaders.CONTENT_ENCODING, HttpHeaders.SET_COOKIE,
			HttpHeaders.TRANSFER_ENCODING };

	private final PageStoreProperties properties;

	private final LocaleResolver locales;

	private final Cache<Key, Entry> pages;

	private final ConcurrentHashMap<Key, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();

	/**
	 * Counts purges. A page is kept and served only if its render started at or after the
	 * last purge of everything and the last purge of its address, so a render that a
	 * purge overtook is never stored or served.
	 */
	private final AtomicLong generation = new AtomicLong();

	private volatile long purgedAll;

	/**
	 * When each address was last purged on its own; kept twice the TTL, longer than any
	 * page rendered before that purge can live.
	 */
	private final Cache<String, Long> purgedUris;

	private final Counter hits;

	private final Counter misses;

	SharedPageStore(PageStoreProperties properties, LocaleResolver locales, MeterRegistry meters) {
		this.properties = properties;
		this.locales = locales;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((Key key, Entry entry) -> entry.weight())
			.expireAfterWrite(properties.ttl())
			.build();
		this.purgedUris = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(properties.ttl().multipliedBy(2))
			.build();
		this.hits = Counter.builder("inkstone.pages.store.requests").tag("result", "hit").register(meters);
		this.misses = Counter.builder("inkstone.pages.store.requests").tag("result", "miss").register(meters);
		Gauge.builder("inkstone.pages.store.bytes", pages, SharedPageStore::bytes)
			.description("Memory held by stored anonymous pages")
			.baseUnit("bytes")
			.register(meters);
	}

	private static double bytes(Cache<Key, Entry> pages) {
		return pages.asMap().values().stream().mapToLong(Entry::weight).sum();
	}

	/** Drops every stored page; pages being rendered now are served but not kept. */
	void purge() {
		purgedAll = generation.incrementAndGet();
		pages.invalidateAll();
	}

	/**
	 * Drops the stored pages of one address (all languages, modes and queries); pages of
	 * it being rendered now are served but not kept.
	 */
	void purge(String uri) {
		purgedUris.put(uri, generation.incrementAndGet());
		pages.asMap().keySet().removeIf(key -> key.uri().equals(uri));
	}

	private boolean current(Entry entry, String uri) {
		if (entry.generation() < purgedAll) {
			return false;
		}
		Long purged = purgedUris.getIfPresent(uri);
		return purged == null || entry.generation() >= purged;
	}

	long size() {
		return pages.estimatedSize();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SharedPage.candidate(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SharedPage.mark(request);
		if (!properties.enabled() || SharedPage.live(request)) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(request.getRequestURI(), String.valueOf(request.getQueryString()),
				locales.resolveLocale(request).toString(), SharedPage.mode(request).value());
		Entry entry = pages.getIfPresent(key);
		if (entry != null && current(entry, key.uri())) {
			hits.increment();
			write(entry, request, response);
			return;
		}
		misses.increment();
		if (!"GET".equals(request.getMethod())) {
			chain.doFilter(request, response); // a HEAD renders no body: nothing to keep
			return;
		}
		CompletableFuture<Entry> mine = new CompletableFuture<>();
		CompletableFuture<Entry> running = rendering.putIfAbsent(key, mine);
		if (running != null) {
			Entry rendered = await(running);
			if (rendered != null) {
				write(rendered, request, response);
			}
			else {
				chain.doFilter(request, response);
			}
			return;
		}
		try {
			entry = render(key, request, response, chain);
			mine.complete(entry);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			mine.complete(null);
			throw ex;
		}
		finally {
			rendering.remove(key, mine);
		}
	}

	private static Entry await(CompletableFuture<Entry> running) {
		try {
			return running.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * Renders through the application; keeps and writes the page if it may be shared,
	 * else passes it on.
	 */
	private Entry render(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long started = generation.get();
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		String contentType = capture.getContentType();
		if (capture.getStatus() != 200 || !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() || contentType == null
				|| !contentType.startsWith("text/html") || request.isAsyncStarted()) {
			capture.copyBodyToResponse();
			return null;
		}
		byte[] identity = capture.getContentAsByteArray();
		List<String[]> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!own(name)) {
				for (String value : response.getHeaders(name)) {
					headers.add(new String[] { name, value });
				}
			}
		}
		Entry entry = new Entry(List.copyOf(headers), identity, gzip(identity), etag(identity), started);
		if (current(entry, key.uri())) {
			pages.put(key, entry);
		}
		capture.resetBuffer();
		write(entry, request, response);
		return entry;
	}

	private static boolean own(String name) {
		for (String own : OWN_HEADERS) {
			if (own.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private void write(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
		for (String[] header : entry.headers()) {
			response.setHeader(header[0], header[1]);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl());
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Cookie");
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		// a strong validator names one representation: the gzip bytes get their own
		String etag = gzip ? entry.etag().substring(0, entry.etag().length() - 1) + "-gz\"" : entry.etag();
		response.setHeader(HttpHeaders.ETAG, etag);
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		byte[] body = entry.identity();
		if (gzip) {
			body = entry.gzip();
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
			String[] parts = coding.strip().split(";");
			if (parts[0].strip().equals("gzip")) {
				for (int i = 1; i < parts.length; i++) {
					String param = parts[i].strip().replace(" ", "");
					if (param.equals("q=0") || param.matches("q=0\\.0{0,3}")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] identity) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(identity.length / 3 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
			{
				def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			zip.write(identity);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
