package io.inkstone.shared;

import java.util.List;

/** One keyset page of items and the cursor of the next page (null on the last page). */
public record Slice<T>(List<T> items, Cursor next) {

	public boolean hasNext() {
		return next != null;
	}

}
