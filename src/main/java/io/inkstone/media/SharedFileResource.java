package io.inkstone.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;

/**
 * A {@link SharedFiles} file as a {@link org.springframework.core.io.Resource} of known
 * length. Each {@link #getInputStream()} is a new, lazy stream: nothing is requested from
 * the store until the first read, and a {@code skip} before it moves the start, so the
 * read that follows is one ranged request from there. Spring MVC answers a {@code Range}
 * request by skipping to each range's start: here that costs no transfer of the bytes
 * before it, and several ranges read the file several times without failing (a plain
 * {@code InputStreamResource} can be read once).
 */
final class SharedFileResource extends AbstractResource {

	private final SharedFiles store;

	private final String name;

	private final long length;

	SharedFileResource(SharedFiles store, String name, long length) {
		this.store = store;
		this.name = name;
		this.length = length;
	}

	@Override
	public String getDescription() {
		return "shared file [" + name + "]";
	}

	@Override
	public String getFilename() {
		return name.substring(name.lastIndexOf('/') + 1);
	}

	@Override
	public boolean exists() {
		return true;
	}

	@Override
	public long contentLength() {
		return length;
	}

	@Override
	public InputStream getInputStream() {
		return new Lazy();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SharedFileResource r && r.store == store && r.name.equals(name);
	}

	@Override
	public int hashCode() {
		return name.hashCode();
	}

	private final class Lazy extends InputStream {

		private long position;

		private InputStream in;

		private boolean closed;

		private InputStream in() throws IOException {
			if (closed) {
				throw new IOException("closed");
			}
			if (in == null) {
				in = position >= length ? InputStream.nullInputStream()
						: store.open(name, position).orElseThrow(() -> new FileNotFoundException(name));
			}
			return in;
		}

		@Override
		public int read() throws IOException {
			return in().read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return in().read(b, off, len);
		}

		@Override
		public long skip(long n) throws IOException {
			if (in != null) {
				return in.skip(n);
			}
			if (closed) {
				throw new IOException("closed");
			}
			long step = Math.max(0, Math.min(n, length - position));
			position += step;
			return step;
		}

		@Override
		public void close() throws IOException {
			closed = true;
			if (in != null) {
				in.close();
			}
		}

	}

}
