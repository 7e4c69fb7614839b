package io.inkstone.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a webhook target's host name becomes addresses: the system's resolver in
 * production; tests give one that changes its answer, as a rebinding DNS name does.
 */
@FunctionalInterface
interface WebhookHosts {

	WebhookHosts SYSTEM = InetAddress::getAllByName;

	InetAddress[] resolve(String host) throws UnknownHostException;

}
