package io.inkstone.engagement;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts a read by where the reader came from, from the referring page's host alone (the
 * article page's script sends {@code document.referrer}'s host, never its path or query)
 * and the landing page's {@code utm_medium}/{@code utm_source}: direct, search (the
 * engines people in China and elsewhere use), feed (web feed readers, or a link tagged
 * rss/feed), internal (this site) or another site by its host. A pure function: no
 * Spring, no database.
 */
public final class Referrals {

	/** Longest DNS name. */
	static final int MAX_HOST = 253;

	private static final Pattern HOST = Pattern
		.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

	/**
	 * Search engines' own hosts (after a leading {@code www.} is dropped): on
	 * {@code baidu.com} the search is the bare and mobile hosts, while tieba.baidu.com or
	 * baike.baidu.com are sites of their own (other).
	 */
	private static final Set<String> SEARCH_HOSTS = Set.of("baidu.com", "m.baidu.com", "wap.baidu.com", "sogou.com",
			"m.sogou.com", "wap.sogou.com", "weixin.sogou.com", "so.com", "m.so.com", "sm.cn", "so.toutiao.com",
			"bing.com", "cn.bing.com", "duckduckgo.com", "html.duckduckgo.com", "search.yahoo.com", "ecosia.org",
			"search.brave.com", "yandex.com", "yandex.ru", "quark.cn", "m.quark.cn");

	/** Hosts whose every subdomain is a search engine: 神马 (sm.cn) and 360 搜索. */
	private static final Set<String> SEARCH_DOMAINS = Set.of("sm.cn", "so.com");

	/** google.com, google.com.hk, google.co.jp … */
	private static final Pattern GOOGLE = Pattern.compile("(.+\\.)?google(\\.[a-z]{2,3}){1,2}");

	/** Web feed readers: a click in them arrives with their host. */
	private static final Set<String> FEED_DOMAINS = Set.of("feedly.com", "inoreader.com", "newsblur.com",
			"theoldreader.com", "feedbin.com", "bazqux.com", "feeder.co", "netvibes.com", "feedspot.com");

	/** {@code utm_medium} or {@code utm_source} values that mean "from a feed". */
	private static final Set<String> FEED_CAMPAIGNS = Set.of("rss", "feed", "atom", "feeds");

	private Referrals() {
	}

	/**
	 * @param referrerHost the referring page's host, or null/blank when there was none
	 * @param campaign the landing page's {@code utm_medium} or {@code utm_source}, or
	 * null
	 * @param ownHosts this site's hosts (its public address, the host the request came
	 * to)
	 */
	public static Referral classify(String referrerHost, String campaign, Collection<String> ownHosts) {
		String host = normalize(referrerHost);
		boolean own = host != null && ownHosts.stream().map(Referrals::normalize).anyMatch(host::equals);
		if (campaign != null && FEED_CAMPAIGNS.contains(campaign.strip().toLowerCase(Locale.ROOT))) {
			return new Referral(ReadSource.FEED, host == null || own ? "" : host);
		}
		if (host == null) {
			return Referral.DIRECT;
		}
		if (own) {
			return new Referral(ReadSource.INTERNAL, "");
		}
		if (isSearch(host)) {
			return new Referral(ReadSource.SEARCH, host);
		}
		if (inDomains(host, FEED_DOMAINS)) {
			return new Referral(ReadSource.FEED, host);
		}
		return new Referral(ReadSource.OTHER, host);
	}

	/**
	 * The host of a Referer header's URL, or null when there is none or it is not an
	 * http(s) URL with a host.
	 */
	public static String hostOf(String url) {
		if (url == null || url.isBlank() || url.length() > 4096) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return null;
			}
			return uri.getHost();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * A host as kept: lower case, no trailing dot, no leading {@code www.}; null when it
	 * is empty or not a host name (so a made-up value never reaches the database).
	 */
	static String normalize(String host) {
		if (host == null) {
			return null;
		}
		String h = host.strip().toLowerCase(Locale.ROOT);
		while (h.endsWith(".")) {
			h = h.substring(0, h.length() - 1);
		}
		if (h.startsWith("www.")) {
			h = h.substring(4);
		}
		if (h.isEmpty() || h.length() > MAX_HOST || !HOST.matcher(h).matches()) {
			return null;
		}
		return h;
	}

	private static boolean isSearch(String host) {
		return SEARCH_HOSTS.contains(host) || inDomains(host, SEARCH_DOMAINS) || GOOGLE.matcher(host).matches();
	}

	private static boolean inDomains(String host, Set<String> domains) {
		for (String d : domains) {
			if (host.equals(d) || host.endsWith("." + d)) {
				return true;
			}
		}
		return false;
	}

}
