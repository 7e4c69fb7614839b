package io.inkstone.creators;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import io.inkstone.shared.InkstoneProperties;

import org.lionsoul.ip2region.DataBlock;
import org.lionsoul.ip2region.DbConfig;
import org.lionsoul.ip2region.DbSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * IP属地: the province (inside mainland China) or country of an address, resolved offline
 * with the ip2region database ({@code ops/fetch-ip2region.sh} installs it). IPv6
 * addresses use the ZX ipv6wry database that the same package ships, found next to it as
 * {@code ipv6wry.db} ({@link Ipv6Regions}). Without a file the answers it would give are
 * 未知. Only the region is ever stored, never the address.
 */
@Component
public class IpRegions {

	public static final String UNKNOWN = "未知";

	/** The IPv6 database's file name, next to the IPv4 one. */
	static final String IPV6_FILE = "ipv6wry.db";

	private static final Logger log = LoggerFactory.getLogger(IpRegions.class);

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * Only hex digits, colons and dots, starting with a hex digit or colon: never a host
	 * name to resolve.
	 */
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private static final Pattern PROVINCE_SUFFIX = Pattern.compile("(省|市|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|区)$");

	/**
	 * Province-level names as IP属地 shows them; an ipv6wry second field outside this list
	 * is an ISP, not a place.
	 */
	private static final Set<String> PROVINCES = Set.of("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
			"浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
			"广西", "西藏", "宁夏", "新疆", "香港", "澳门");

	/**
	 * ipv6wry first fields that name no country (besides regions ending in 区: 亚太地区, 大中华区
	 * …).
	 */
	private static final Set<String> NOT_COUNTRIES = Set.of("全球", "欧洲", "非洲", "亚洲", "美洲", "大洋洲", "局域网");

	private final DbSearcher searcher;

	private final Ipv6Regions v6;

	@Autowired
	IpRegions(IpRegionProperties configured, InkstoneProperties properties) {
		this(configured.db(), properties);
	}

	IpRegions(String configured, InkstoneProperties properties) {
		Path db = configured != null && !configured.isBlank() ? Path.of(configured)
				: properties == null ? Path.of("ip2region.db") : properties.dataDir().resolve("ip2region.db");
		DbSearcher found = null;
		if (Files.isReadable(db)) {
			try {
				found = new DbSearcher(new DbConfig(), db.toString());
				log.info("IP region database: {}", db);
			}
			catch (Exception ex) {
				log.warn("IP region database {} unreadable: {}", db, ex.getMessage());
			}
		}
		else {
			log.info("No IP region database at {} (ops/fetch-ip2region.sh installs it); IP属地 shows {}", db, UNKNOWN);
		}
		this.searcher = found;
		this.v6 = openV6(db.resolveSibling(IPV6_FILE));
	}

	private static Ipv6Regions openV6(Path db) {
		if (!Files.isReadable(db)) {
			log.info("No IPv6 region database at {} (ops/fetch-ip2region.sh installs it); IPv6 IP属地 shows {}", db,
					UNKNOWN);
			return null;
		}
		try {
			Ipv6Regions opened = Ipv6Regions.open(db);
			log.info("IPv6 region database: {}", db);
			return opened;
		}
		catch (Exception ex) {
			log.warn("IPv6 region database {} unreadable ({}); IPv6 IP属地 shows {}", db, ex.getMessage(), UNKNOWN);
			return null;
		}
	}

	public boolean available() {
		return searcher != null;
	}

	boolean ipv6Available() {
		return v6 != null;
	}

	/**
	 * 江苏, 北京, 香港, 美国 …; 未知 for private, loopback, link-local and unique-local addresses,
	 * malformed input, regions that name no country, and without the database.
	 * IPv4-mapped and 6to4 IPv6 addresses use the IPv4 one.
	 */
	public String regionOf(String ip) {
		if (ip == null) {
			return UNKNOWN;
		}
		if (IPV4.matcher(ip).matches()) {
			return regionOfV4(ip);
		}
		return ip.indexOf(':') >= 0 ? regionOfV6(ip) : UNKNOWN;
	}

	private synchronized String regionOfV4(String ip) {
		if (searcher == null) {
			return UNKNOWN;
		}
		try {
			DataBlock block = searcher.memorySearch(ip);
			String[] parts = block == null ? new String[0] : block.getRegion().split("\\|");
			if (parts.length < 3 || "0".equals(parts[0]) || parts[0].isBlank()) {
				return UNKNOWN;
			}
			if (!"中国".equals(parts[0])) {
				return parts[0];
			}
			String province = parts[2];
			if ("0".equals(province) || province.isBlank()) {
				return "中国";
			}
			return PROVINCE_SUFFIX.matcher(province).replaceAll("");
		}
		catch (Exception ex) {
			return UNKNOWN;
		}
	}

	private String regionOfV6(String ip) {
		String literal = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
		int scope = literal.indexOf('%');
		literal = scope >= 0 ? literal.substring(0, scope) : literal;
		if (!IPV6.matcher(literal).matches()) {
			return UNKNOWN;
		}
		InetAddress address;
		try {
			// a literal with a colon is parsed, never looked up
			address = InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return UNKNOWN;
		}
		if (address instanceof Inet4Address) {
			// ::ffff:a.b.c.d
			return regionOfV4(address.getHostAddress());
		}
		byte[] bytes = address.getAddress();
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress() || (bytes[0] & 0xfe) == 0xfc) {
			return UNKNOWN;
		}
		long prefix = ByteBuffer.wrap(bytes).getLong();
		if (prefix >>> 48 == 0x2002) {
			// 6to4: 2002:aabb:ccdd::/48 carries a.b.c.d
			return regionOfV4(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
		}
		if (prefix == 0) {
			// IPv4-compatible ::a.b.c.d
			return regionOfV4(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
		}
		if (v6 == null) {
			return UNKNOWN;
		}
		try {
			return regionOfV6Area(v6.area(prefix));
		}
		catch (RuntimeException ex) {
			// a damaged file: an offset outside it, a redirect loop
			return UNKNOWN;
		}
	}

	private static String ipv4(byte[] bytes) {
		return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
	}

	/** "中国\t广东省\t广州市…" → 广东, "中国 香港区" → 香港, "美国\tCalifornia州" → 美国, "亚太地区" → 未知. */
	static String regionOfV6Area(String area) {
		String[] fields = area.split("\t", -1);
		String[] head = fields[0].strip().split("\\s+", 2);
		String country = head[0];
		if (country.isEmpty() || country.endsWith("区") || country.startsWith("IANA")
				|| NOT_COUNTRIES.contains(country)) {
			return UNKNOWN;
		}
		if (!"中国".equals(country)) {
			return country;
		}
		String province = head.length > 1 ? head[1] : fields.length > 1 ? fields[1].strip() : "";
		province = PROVINCE_SUFFIX.matcher(province).replaceAll("");
		return PROVINCES.contains(province) ? province : "中国";
	}

}
