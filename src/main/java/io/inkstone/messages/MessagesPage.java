package io.inkstone.messages;

import java.util.List;

import io.inkstone.channels.Channel;
import io.inkstone.web.Ui;

/**
 * The page model of {@code messages/index.jte}: one page of messages and the cursor of
 * the next.
 */
public record MessagesPage(Ui ui, List<Channel> nav, List<Message> messages, String next, boolean firstPage,
		boolean allRead) {
}
