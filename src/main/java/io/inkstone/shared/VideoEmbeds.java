package io.inkstone.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Video embeds from an allowlist: a link to a video on bilibili, Tencent Video
 * (v.qq.com), Youku or YouTube — or their own player address — becomes that site's player
 * URL, rebuilt from the video id alone (nothing else of the link survives). Any other
 * address is not a video: it stays a link. The Content-Security-Policy's
 * {@code frame-src} lists exactly {@link #FRAME_SOURCES}.
 */
public final class VideoEmbeds {

	/** The player origins, for the CSP's {@code frame-src}. */
	public static final String FRAME_SOURCES = "https://player.bilibili.com https://v.qq.com https://player.youku.com "
			+ "https://www.youtube-nocookie.com";

	/**
	 * What an embedded player may do: run its own scripts on its own origin, go full
	 * screen, open its site.
	 */
	public static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

	private static final Pattern BVID = Pattern.compile("BV[0-9A-Za-z]{10}");

	private static final Pattern QQ_VID = Pattern.compile("[0-9A-Za-z]{11}");

	private static final Pattern YOUKU_ID = Pattern.compile("[0-9A-Za-z=]{5,40}");

	private static final Pattern YOUTUBE_ID = Pattern.compile("[0-9A-Za-z_-]{11}");

	private static final Set<String> BILIBILI = Set.of("www.bilibili.com", "bilibili.com", "m.bilibili.com");

	private static final Set<String> YOUTUBE = Set.of("www.youtube.com", "youtube.com", "m.youtube.com");

	private VideoEmbeds() {
	}

	/** The player URL for a link to an allowlisted video, else empty. */
	public static Optional<String> playerUrl(String href) {
		URI uri;
		try {
			uri = URI.create(href == null ? "" : href.strip());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
				|| uri.getRawUserInfo() != null) {
			return Optional.empty();
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
		if (BILIBILI.contains(host)) {
			return match("/video/(BV[0-9A-Za-z]{10})/?", path).map(VideoEmbeds::bilibili);
		}
		if (host.equals("player.bilibili.com") && path.equals("/player.html")) {
			return param(query, "bvid", BVID).map(VideoEmbeds::bilibili);
		}
		if (host.equals("v.qq.com")) {
			if (path.equals("/txp/iframe/player.html")) {
				return param(query, "vid", QQ_VID).map(VideoEmbeds::qq);
			}
			return match("/x/(?:page|cover/[0-9A-Za-z]{1,40})/([0-9A-Za-z]{11})\\.html", path).map(VideoEmbeds::qq);
		}
		if (host.equals("v.youku.com")) {
			return match("/v_show/id_([0-9A-Za-z=]{5,40})\\.html", path).map(VideoEmbeds::youku);
		}
		if (host.equals("player.youku.com")) {
			return match("/embed/([0-9A-Za-z=]{5,40})", path).map(VideoEmbeds::youku);
		}
		if (YOUTUBE.contains(host) && path.equals("/watch")) {
			return param(query, "v", YOUTUBE_ID).map(VideoEmbeds::youtube);
		}
		if (host.equals("youtu.be")) {
			return match("/([0-9A-Za-z_-]{11})", path).map(VideoEmbeds::youtube);
		}
		if ((YOUTUBE.contains(host) || host.equals("www.youtube-nocookie.com"))) {
			return match("/embed/([0-9A-Za-z_-]{11})", path).map(VideoEmbeds::youtube);
		}
		return Optional.empty();
	}

	private static String bilibili(String bvid) {
		return "https://player.bilibili.com/player.html?bvid=" + bvid + "&autoplay=0";
	}

	private static String qq(String vid) {
		return "https://v.qq.com/txp/iframe/player.html?vid=" + vid;
	}

	private static String youku(String id) {
		return "https://player.youku.com/embed/" + id;
	}

	private static String youtube(String id) {
		return "https://www.youtube-nocookie.com/embed/" + id;
	}

	private static Optional<String> match(String regex, String path) {
		Matcher m = Pattern.compile(regex).matcher(path);
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	private static Optional<String> param(String query, String name, Pattern value) {
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name) && value.matcher(pair.substring(eq + 1)).matches()) {
				return Optional.of(pair.substring(eq + 1));
			}
		}
		return Optional.empty();
	}

}
