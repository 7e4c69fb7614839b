package io.inkstone.creators;

import java.nio.file.Files;
import java.nio.file.Path;

import io.inkstone.shared.InkstoneProperties;

import org.lionsoul.ip2region.DataBlock;
import org.lionsoul.ip2region.DbConfig;
import org.lionsoul.ip2region.DbSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * IP属地: the province (inside mainland China) or country of an address, resolved offline with the
 * ip2region database ({@code ops/fetch-ip2region.sh} installs it). Without the file every answer is 未知.
 * Only the region is ever stored, never the address.
 */
@Component
public class IpRegions {

	public static final String UNKNOWN = "未知";

	private static final Logger log = LoggerFactory.getLogger(IpRegions.class);

	private final DbSearcher searcher;

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
	}

	public boolean available() {
		return searcher != null;
	}

	/** 江苏, 北京, 香港, 美国 …; 未知 for private addresses, IPv6 (not in this database) and without the database. */
	public synchronized String regionOf(String ip) {
		if (searcher == null || ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
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
			return province.replaceAll("(省|市|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区)$", "");
		}
		catch (Exception ex) {
			return UNKNOWN;
		}
	}

}
