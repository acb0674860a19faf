-- What `vigie db update` last saw of each feed URL: its ETag and Last-Modified, sent back as
-- If-None-Match / If-Modified-Since so an unchanged feed costs one 304 and no import. Written
-- only after the feed's import committed: a failed import is downloaded again next time.
CREATE TABLE feed_state (
  url           VARCHAR(2000)            NOT NULL PRIMARY KEY,
  feed          VARCHAR(200)             NOT NULL,
  etag          VARCHAR(1000),
  last_modified VARCHAR(200),
  updated       TIMESTAMP WITH TIME ZONE NOT NULL
);
