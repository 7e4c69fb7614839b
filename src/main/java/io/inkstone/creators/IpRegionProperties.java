package io.inkstone.creators;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inkstone.ip-region.*}.
 *
 * @param db the ip2region database file; empty, {@code <data-dir>/ip2region.db}
 */
@ConfigurationProperties(prefix = "inkstone.ip-region")
record IpRegionProperties(String db) {
}
