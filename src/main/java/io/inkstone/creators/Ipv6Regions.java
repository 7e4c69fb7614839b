package io.inkstone.creators;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader for the ZX "IPDB" IPv6 database ({@code ipv6wry.db}, shipped with the npm
 * package ip2region next to the IPv4 file; {@code ops/fetch-ip2region.sh} installs both).
 * Layout, all little-endian: "IPDB", version (u16), offset length {@code o} (u8), ip
 * length (u8, 8), record count (i64 at 8), index start (i64 at 16); the index is sorted
 * records of the first 64 bits of the range start (u64) and an {@code o}-byte offset of
 * its text. Texts are QQWry-style: a UTF-8 area ending in NUL followed by a second (ISP)
 * area, either possibly replaced by a redirect (byte 1 or 2, then an {@code o}-byte
 * offset). The area is tab-separated: country, province, city, district.
 * <p>
 * The file is read once into memory (about 2.6 MB); lookups use absolute reads only and
 * are thread-safe.
 */
final class Ipv6Regions {

	private static final int MAX_REDIRECTS = 8;

	private final ByteBuffer data;

	private final int offsetLength;

	private final long records;

	private final int indexStart;

	private Ipv6Regions(ByteBuffer data, int offsetLength, long records, int indexStart) {
		this.data = data;
		this.offsetLength = offsetLength;
		this.records = records;
		this.indexStart = indexStart;
	}

	/**
	 * Reads and checks the file; a missing, truncated or foreign file throws with the
	 * reason.
	 */
	static Ipv6Regions open(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		ByteBuffer data = ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length < 24 || !"IPDB".equals(new String(bytes, 0, 4, StandardCharsets.US_ASCII))) {
			throw new IOException("not an IPDB file");
		}
		int offsetLength = bytes[6];
		int ipLength = bytes[7];
		long records = data.getLong(8);
		long indexStart = data.getLong(16);
		if (offsetLength < 1 || offsetLength > 4 || ipLength != 8 || records < 1 || indexStart < 24
				|| indexStart + records * (8 + offsetLength) > bytes.length) {
			throw new IOException("truncated or unsupported IPDB file (records " + records + ", index at " + indexStart
					+ ", " + bytes.length + " bytes)");
		}
		return new Ipv6Regions(data, offsetLength, records, (int) indexStart);
	}

	/**
	 * The tab-separated area text (e.g. "中国\t广东省\t深圳市", "中国 香港区", "美国\tCalifornia州",
	 * "局域网") of the range holding an address whose first 64 bits are {@code prefix}.
	 */
	String area(long prefix) {
		long low = 0;
		long high = records;
		while (high - low > 1) {
			long middle = (low + high) >>> 1;
			long start = data.getLong(entry(middle));
			if (Long.compareUnsigned(prefix, start) < 0) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		int record = offset(entry(low) + 8);
		for (int hops = 0; hops < MAX_REDIRECTS; hops++) {
			int mode = data.get(record);
			if (mode == 1 || mode == 2) {
				record = offset(record + 1);
			}
			else {
				return string(record);
			}
		}
		throw new IllegalStateException("redirect loop");
	}

	private int entry(long index) {
		return (int) (indexStart + index * (8 + offsetLength));
	}

	private int offset(int at) {
		int value = 0;
		for (int i = offsetLength - 1; i >= 0; i--) {
			value = (value << 8) | (data.get(at + i) & 0xff);
		}
		return value;
	}

	private String string(int at) {
		int end = at;
		while (data.get(end) != 0) {
			end++;
		}
		byte[] text = new byte[end - at];
		data.get(at, text);
		return new String(text, StandardCharsets.UTF_8);
	}

}
