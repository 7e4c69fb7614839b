-- Every account may have an avatar (readers too): the URL of its 480-pixel rendition in the media store.
ALTER TABLE accounts ADD COLUMN avatar_url VARCHAR(500);
