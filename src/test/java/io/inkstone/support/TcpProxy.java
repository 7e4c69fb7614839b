package io.inkstone.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that a test can cut and restore, to take a real service (Redis)
 * away from the app and give it back without touching the service itself.
 */
public final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	public TcpProxy(int targetPort) {
		this.targetPort = targetPort;
		// below the ephemeral range: stopped and started again, the port is still free
		this.port = MailServer.freePort();
		start();
	}

	public int port() {
		return port;
	}

	public synchronized void start() {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			server = socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Refuses new connections and cuts the open ones. */
	public synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ignored) {
		}
		for (Socket socket : sockets) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
			}
		}
		sockets.clear();
	}

	private void acceptLoop() {
		ServerSocket current = server;
		while (!current.isClosed()) {
			try {
				Socket client = current.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				synchronized (this) {
					// a connection accepted while stop() ran is cut too (a pool filling
					// itself in the background kept one across a "stopped" database)
					if (current.isClosed()) {
						client.close();
						upstream.close();
						return;
					}
					sockets.add(client);
					sockets.add(upstream);
				}
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ignored) {
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ignored) {
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		stop();
	}

}
