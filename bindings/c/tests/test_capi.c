/* Tests of the newsparse C API: every function, every error path, one extractor shared by
 * several threads. Usage: test_capi ARTICLE (the reference article, for the larger tests).
 * Each test_* returns true on success; main prints "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsparse.h"

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "  %s:%d: check failed: %s (last error: %s)\n", \
                    __FILE__, __LINE__, #cond, newsparse_last_error());    \
            return false;                                                  \
        }                                                                  \
    } while (0)

static const char *TURNER =
    "\"To avoid a renewal of war, we need sufficiently credible guarantees,\" said Patrick "
    "Turner, NATO's senior representative to Ukraine.";

static char *article; /* the reference article, read by main */
static size_t article_len;

/* A view equals a C string, and is NUL-terminated. */
static bool str_is(newsparse_str s, const char *expected) {
    return s.data != NULL && s.len == strlen(expected) && memcmp(s.data, expected, s.len) == 0 &&
           s.data[s.len] == '\0';
}

/* A view is the spanned slice of `text`. */
static bool spans(newsparse_str s, newsparse_span span, const char *text) {
    return s.data != NULL && span.end - span.start == s.len &&
           memcmp(text + span.start, s.data, s.len) == 0;
}

static newsparse_extractor *default_extractor(void) {
    newsparse_extractor *ex = NULL;
    return newsparse_extractor_new(&ex) == NEWSPARSE_STATUS_OK ? ex : NULL;
}

static newsparse_document *parse(const newsparse_extractor *ex, const char *text) {
    newsparse_document *doc = NULL;
    newsparse_status st = newsparse_extractor_parse(ex, (const uint8_t *)text, strlen(text), &doc);
    return st == NEWSPARSE_STATUS_OK ? doc : NULL;
}

static bool test_version(void) {
    CHECK(strcmp(newsparse_version(), "0.1.0") == 0);
    return true;
}

static bool test_status_messages(void) {
    CHECK(strcmp(newsparse_status_message(NEWSPARSE_STATUS_OK), "ok") == 0);
    for (uint32_t s = NEWSPARSE_STATUS_NULL_PARAMETER; s <= NEWSPARSE_STATUS_PANIC; s++) {
        CHECK(strlen(newsparse_status_message(s)) > 0);
        CHECK(strcmp(newsparse_status_message(s), "unknown status") != 0);
    }
    CHECK(strstr(newsparse_status_message(NEWSPARSE_STATUS_INVALID_UTF8), "UTF-8") != NULL);
    CHECK(strcmp(newsparse_status_message(9999), "unknown status") == 0);
    return true;
}

static bool test_quote_fields(void) {
    newsparse_extractor *ex = default_extractor();
    CHECK(ex != NULL);
    newsparse_document *doc = parse(ex, TURNER);
    CHECK(doc != NULL);
    CHECK(newsparse_document_quote_count(doc) == 1);
    newsparse_quote q;
    CHECK(newsparse_document_quote(doc, 0, &q) == NEWSPARSE_STATUS_OK);
    CHECK(q.kind == NEWSPARSE_QUOTE_KIND_DIRECT);
    CHECK(q.region == NEWSPARSE_REGION_BODY);
    CHECK(str_is(q.content_text,
                 "To avoid a renewal of war, we need sufficiently credible guarantees"));
    CHECK(spans(q.content_text, q.content, TURNER));
    CHECK(str_is(q.cue_text, "said"));
    CHECK(spans(q.cue_text, q.cue, TURNER));
    CHECK(q.has_speaker);
    CHECK(q.speaker_kind == NEWSPARSE_SOURCE_KIND_PERSON);
    CHECK(str_is(q.speaker_name, "Patrick Turner"));
    CHECK(q.speaker_text.data != NULL);
    CHECK(spans(q.speaker_text, q.speaker_mention, TURNER));
    CHECK(q.speaker_description.data == NULL);
    if (q.speaker_entity != NEWSPARSE_NO_ENTITY) { /* the speaker's entity is the speaker */
        newsparse_entity e;
        CHECK(newsparse_document_entity(doc, q.speaker_entity, &e) == NEWSPARSE_STATUS_OK);
        CHECK(str_is(e.name, "Patrick Turner") && e.kind == NEWSPARSE_ENTITY_KIND_PERSON);
    }
    CHECK(q.rule.data != NULL && q.rule.len > 0);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_document_text(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = parse(ex, TURNER);
    newsparse_str text;
    CHECK(newsparse_document_text(doc, &text) == NEWSPARSE_STATUS_OK);
    CHECK(str_is(text, TURNER));
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_text_with_nul_bytes(void) {
    static const char text[] = "\"Yes,\" she said.\0\"No,\" he said.";
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = NULL;
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)text, sizeof text - 1, &doc) ==
          NEWSPARSE_STATUS_OK);
    newsparse_str view;
    CHECK(newsparse_document_text(doc, &view) == NEWSPARSE_STATUS_OK);
    CHECK(view.len == sizeof text - 1 && memcmp(view.data, text, view.len) == 0);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_entities_and_mentions(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = NULL;
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)article, article_len, &doc) ==
          NEWSPARSE_STATUS_OK);
    size_t n = newsparse_document_entity_count(doc);
    for (size_t i = 0; i < n; i++) {
        newsparse_entity e;
        CHECK(newsparse_document_entity(doc, i, &e) == NEWSPARSE_STATUS_OK);
        CHECK(e.name.data != NULL && e.name.data[e.name.len] == '\0');
        CHECK(e.kind <= NEWSPARSE_ENTITY_KIND_GROUP);
        CHECK(e.mention_count > 0);
        for (size_t j = 0; j < e.mention_count; j++) {
            newsparse_mention m;
            CHECK(newsparse_document_entity_mention(doc, i, j, &m) == NEWSPARSE_STATUS_OK);
            CHECK(spans(m.text, m.span, article));
            CHECK(m.region <= NEWSPARSE_REGION_BOILERPLATE);
        }
    }
    size_t quotes = newsparse_document_quote_count(doc);
    CHECK(quotes > 0);
    for (size_t i = 0; i < quotes; i++) {
        newsparse_quote q;
        CHECK(newsparse_document_quote(doc, i, &q) == NEWSPARSE_STATUS_OK);
        CHECK(q.content.end <= article_len);
        CHECK(q.speaker_entity == NEWSPARSE_NO_ENTITY || q.speaker_entity < n);
    }
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_to_json(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = parse(ex, TURNER);
    char *json = NULL;
    CHECK(newsparse_document_to_json(doc, &json) == NEWSPARSE_STATUS_OK);
    newsparse_document_free(doc); /* the JSON does not borrow from the document */
    CHECK(json != NULL);
    CHECK(strncmp(json, "{\"schema_version\":1", 19) == 0);
    CHECK(strstr(json, "\"Patrick Turner\"") != NULL);
    newsparse_string_free(json);
    newsparse_extractor_free(ex);
    return true;
}

/* The JSON of `doc`, which the caller frees with newsparse_string_free; NULL on failure. */
static char *json_of(const newsparse_document *doc) {
    char *json = NULL;
    return newsparse_document_to_json(doc, &json) == NEWSPARSE_STATUS_OK ? json : NULL;
}

/* `doc`, parsed into, equals a new document parsed from `text`, and so do its views. */
static bool same_as_new(const newsparse_extractor *ex, const newsparse_document *doc,
                        const char *text, size_t len) {
    newsparse_document *fresh = NULL;
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)text, len, &fresh) == NEWSPARSE_STATUS_OK);
    char *got = json_of(doc), *want = json_of(fresh);
    bool same = got != NULL && want != NULL && strcmp(got, want) == 0;
    newsparse_string_free(got);
    newsparse_string_free(want);
    CHECK(same);
    newsparse_str t;
    CHECK(newsparse_document_text(doc, &t) == NEWSPARSE_STATUS_OK);
    CHECK(t.len == len && memcmp(t.data, text, len) == 0 && t.data[len] == '\0');
    CHECK(newsparse_document_quote_count(doc) == newsparse_document_quote_count(fresh));
    for (size_t i = 0; i < newsparse_document_quote_count(doc); i++) {
        newsparse_quote a, b;
        CHECK(newsparse_document_quote(doc, i, &a) == NEWSPARSE_STATUS_OK);
        CHECK(newsparse_document_quote(fresh, i, &b) == NEWSPARSE_STATUS_OK);
        CHECK(a.content_text.len == b.content_text.len &&
              memcmp(a.content_text.data, b.content_text.data, a.content_text.len) == 0);
        CHECK(spans(a.content_text, a.content, text));
        CHECK(a.speaker_name.len == b.speaker_name.len &&
              (a.speaker_name.len == 0 ||
               memcmp(a.speaker_name.data, b.speaker_name.data, a.speaker_name.len) == 0));
    }
    size_t n = newsparse_document_entity_count(doc);
    CHECK(n == newsparse_document_entity_count(fresh));
    for (size_t i = 0; i < n; i++) {
        newsparse_entity e;
        CHECK(newsparse_document_entity(doc, i, &e) == NEWSPARSE_STATUS_OK);
        for (size_t j = 0; j < e.mention_count; j++) {
            newsparse_mention m;
            CHECK(newsparse_document_entity_mention(doc, i, j, &m) == NEWSPARSE_STATUS_OK);
            CHECK(spans(m.text, m.span, text) && m.text.data[m.text.len] == '\0');
        }
    }
    newsparse_document_free(fresh);
    return true;
}

static bool test_parse_into(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = parse(ex, TURNER);
    CHECK(doc != NULL);
    /* longer, shorter, empty, and longer again than the text before */
    const char *texts[] = {article, TURNER, "", "No quotes here.", article};
    size_t lens[] = {article_len, strlen(TURNER), 0, 15, article_len};
    for (size_t k = 0; k < 5; k++) {
        CHECK(newsparse_extractor_parse_into(ex, (const uint8_t *)texts[k], lens[k], doc) ==
              NEWSPARSE_STATUS_OK);
        CHECK(same_as_new(ex, doc, texts[k], lens[k]));
    }
    CHECK(newsparse_document_quote_count(doc) > 10);
    /* a failure leaves the document as it was */
    size_t quotes = newsparse_document_quote_count(doc);
    const uint8_t bad[] = {'a', 0xff, 'b'};
    CHECK(newsparse_extractor_parse_into(ex, bad, 3, doc) == NEWSPARSE_STATUS_INVALID_UTF8);
    CHECK(newsparse_extractor_parse_into(ex, NULL, 1, doc) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_parse_into(NULL, (const uint8_t *)"x", 1, doc) ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_parse_into(ex, (const uint8_t *)"x", 1, NULL) ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_quote_count(doc) == quotes);
    CHECK(same_as_new(ex, doc, article, article_len));
    newsparse_extractor_builder *b = NULL;
    newsparse_extractor *small = NULL;
    CHECK(newsparse_extractor_builder_new(&b) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_max_size(b, 10) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_build(b, &small) == NEWSPARSE_STATUS_OK);
    newsparse_extractor_builder_free(b);
    CHECK(newsparse_extractor_parse_into(small, (const uint8_t *)article, article_len, doc) ==
          NEWSPARSE_STATUS_TOO_LARGE);
    CHECK(same_as_new(ex, doc, article, article_len));
    newsparse_extractor_free(small);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_empty_text(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = NULL;
    CHECK(newsparse_extractor_parse(ex, NULL, 0, &doc) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_document_quote_count(doc) == 0);
    CHECK(newsparse_document_entity_count(doc) == 0);
    newsparse_str text;
    CHECK(newsparse_document_text(doc, &text) == NEWSPARSE_STATUS_OK);
    CHECK(str_is(text, ""));
    char *json = NULL;
    CHECK(newsparse_document_to_json(doc, &json) == NEWSPARSE_STATUS_OK);
    CHECK(strstr(json, "\"quotes\":[]") != NULL);
    newsparse_string_free(json);
    newsparse_document_free(doc);
    doc = parse(ex, "");
    CHECK(doc != NULL && newsparse_document_quote_count(doc) == 0);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_invalid_utf8(void) {
    static const char text[] = {'"', 'a', (char)0xff, '"', ' ', 's', 'h', 'e', ' ', 's', 'a', 'i', 'd'};
    newsparse_extractor *ex = default_extractor();
    newsparse_document *sentinel = (newsparse_document *)&ex, *doc = sentinel;
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)text, sizeof text, &doc) ==
          NEWSPARSE_STATUS_INVALID_UTF8);
    CHECK(doc == sentinel); /* untouched on failure */
    CHECK(strstr(newsparse_last_error(), "UTF-8") != NULL);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_null_parameters(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = parse(ex, TURNER);
    newsparse_extractor_builder *b = NULL;
    newsparse_str s;
    newsparse_quote q;
    newsparse_entity e;
    newsparse_mention m;
    char *json = NULL;
    CHECK(newsparse_extractor_new(NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_new(NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_max_size(NULL, 1) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_build(NULL, &ex) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_new(&b) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_build(b, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_parse(NULL, (const uint8_t *)"x", 1, &doc) ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(strstr(newsparse_last_error(), "extractor") != NULL);
    CHECK(newsparse_extractor_parse(ex, NULL, 5, &doc) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(strstr(newsparse_last_error(), "text") != NULL);
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)"x", 1, NULL) ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_text(NULL, &s) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_text(doc, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_quote_count(NULL) == 0);
    CHECK(newsparse_document_quote(NULL, 0, &q) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_quote(doc, 0, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_entity_count(NULL) == 0);
    CHECK(newsparse_document_entity(NULL, 0, &e) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_entity(doc, 0, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_entity_mention(NULL, 0, 0, &m) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_entity_mention(doc, 0, 0, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_to_json(NULL, &json) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_document_to_json(doc, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(json == NULL);
    newsparse_extractor_free(NULL);
    newsparse_extractor_builder_free(NULL);
    newsparse_document_free(NULL);
    newsparse_string_free(NULL);
    newsparse_extractor_builder_free(b);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_out_of_range(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = parse(ex, TURNER);
    newsparse_quote q;
    q.rule.len = 12345;
    CHECK(newsparse_document_quote(doc, 1, &q) == NEWSPARSE_STATUS_OUT_OF_RANGE);
    CHECK(q.rule.len == 12345); /* untouched on failure */
    CHECK(strstr(newsparse_last_error(), "quote 1") != NULL);
    newsparse_entity e;
    size_t n = newsparse_document_entity_count(doc);
    CHECK(newsparse_document_entity(doc, n, &e) == NEWSPARSE_STATUS_OUT_OF_RANGE);
    newsparse_mention m;
    CHECK(newsparse_document_entity_mention(doc, n, 0, &m) == NEWSPARSE_STATUS_OUT_OF_RANGE);
    CHECK(newsparse_document_quote(doc, SIZE_MAX, &q) == NEWSPARSE_STATUS_OUT_OF_RANGE);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_last_error_cleared_on_success(void) {
    newsparse_extractor *ex = NULL;
    CHECK(newsparse_extractor_new(NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(strlen(newsparse_last_error()) > 0);
    CHECK(newsparse_extractor_new(&ex) == NEWSPARSE_STATUS_OK);
    CHECK(strcmp(newsparse_last_error(), "") == 0);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_builder_max_size(void) {
    newsparse_extractor_builder *b = NULL;
    newsparse_extractor *ex = NULL;
    newsparse_document *doc = NULL;
    CHECK(newsparse_extractor_builder_new(&b) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_max_size(b, 10) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_build(b, &ex) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)"far too long", 12, &doc) ==
          NEWSPARSE_STATUS_TOO_LARGE);
    CHECK(doc == NULL);
    CHECK(strstr(newsparse_last_error(), "12 bytes") != NULL);
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)"short", 5, &doc) == NEWSPARSE_STATUS_OK);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    /* the builder builds again, and outlives nothing it built */
    CHECK(newsparse_extractor_builder_build(b, &ex) == NEWSPARSE_STATUS_OK);
    newsparse_extractor_builder_free(b);
    doc = parse(ex, "short");
    CHECK(doc != NULL);
    newsparse_extractor_free(ex); /* documents outlive their extractor */
    CHECK(newsparse_document_quote_count(doc) == 0);
    newsparse_document_free(doc);
    return true;
}

/* A gazetteer file `name` with `contents` in a fresh temporary directory; its path is written
 * to `path`. */
static char dir[] = "/tmp/newsparse-capi-XXXXXX";
static bool dir_made; /* (the name mkdtemp picks may itself end in X) */

static bool write_gazetteer(char *path, size_t size, const char *name, const char *contents) {
    if (!dir_made && mkdtemp(dir) == NULL) return false;
    dir_made = true;
    snprintf(path, size, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) return false;
    fputs(contents, f);
    return fclose(f) == 0;
}

/* Removes what write_gazetteer wrote. */
static void remove_gazetteers(void) {
    const char *names[] = {"acme.tsv", "bad.tsv", "latin1.tsv"};
    char path[256];
    if (!dir_made) return;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    remove(dir);
}

/* The index of the entity named `name` in `doc`, or -1. */
static long find_entity(const newsparse_document *doc, const char *name, newsparse_entity *out) {
    for (size_t i = 0; i < newsparse_document_entity_count(doc); i++) {
        if (newsparse_document_entity(doc, i, out) == NEWSPARSE_STATUS_OK && str_is(out->name, name))
            return (long)i;
    }
    return -1;
}

/* "in Kyiv" would make Kyiv a place by context alone; here only the gazetteer names it. */
static const char *ACME = "Acme said it would hire 200 people. Kyiv welcomed the plan.";

static newsparse_extractor *gazetteer_extractor(bool with_default) {
    char path[256];
    newsparse_extractor_builder *b = NULL;
    newsparse_extractor *ex = NULL;
    if (!write_gazetteer(path, sizeof path, "acme.tsv", "# test\nAcme Widgets\torganization\tAcme\n") ||
        newsparse_extractor_builder_new(&b) != NEWSPARSE_STATUS_OK ||
        newsparse_extractor_builder_gazetteer_file(b, path) != NEWSPARSE_STATUS_OK ||
        newsparse_extractor_builder_default_gazetteer(b, with_default) != NEWSPARSE_STATUS_OK ||
        newsparse_extractor_builder_build(b, &ex) != NEWSPARSE_STATUS_OK) {
        ex = NULL;
    }
    newsparse_extractor_builder_free(b);
    return ex;
}

static bool test_gazetteer_file_with_default(void) {
    newsparse_extractor *ex = gazetteer_extractor(true);
    CHECK(ex != NULL);
    newsparse_document *doc = parse(ex, ACME);
    CHECK(doc != NULL);
    newsparse_entity e;
    long acme = find_entity(doc, "Acme Widgets", &e);
    CHECK(acme >= 0);
    CHECK(e.kind == NEWSPARSE_ENTITY_KIND_ORGANIZATION && e.mention_count == 1);
    newsparse_mention m;
    CHECK(newsparse_document_entity_mention(doc, (size_t)acme, 0, &m) == NEWSPARSE_STATUS_OK);
    CHECK(str_is(m.text, "Acme") && m.span.start == 0 && m.span.end == 4);
    CHECK(m.region == NEWSPARSE_REGION_BODY);
    CHECK(newsparse_document_entity_mention(doc, (size_t)acme, 1, &m) ==
          NEWSPARSE_STATUS_OUT_OF_RANGE);
    CHECK(find_entity(doc, "Kyiv", &e) >= 0 && e.kind == NEWSPARSE_ENTITY_KIND_PLACE);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_gazetteer_file_without_default(void) {
    newsparse_extractor *ex = gazetteer_extractor(false);
    CHECK(ex != NULL);
    newsparse_document *doc = parse(ex, ACME);
    newsparse_entity e;
    CHECK(find_entity(doc, "Acme Widgets", &e) >= 0);
    CHECK(find_entity(doc, "Kyiv", &e) < 0);
    newsparse_document_free(doc);
    newsparse_extractor_free(ex);
    return true;
}

static bool test_missing_gazetteer_file(void) {
    newsparse_extractor_builder *b = NULL;
    newsparse_extractor *ex = NULL;
    CHECK(newsparse_extractor_builder_new(&b) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_gazetteer_file(b, "/nonexistent/names.tsv") ==
          NEWSPARSE_STATUS_OK); /* read at build time */
    CHECK(newsparse_extractor_builder_build(b, &ex) == NEWSPARSE_STATUS_IO);
    CHECK(ex == NULL);
    CHECK(strstr(newsparse_last_error(), "/nonexistent/names.tsv") != NULL);
    CHECK(newsparse_extractor_builder_gazetteer_file(b, NULL) == NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_gazetteer_file(NULL, "x.tsv") ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    CHECK(newsparse_extractor_builder_default_gazetteer(NULL, false) ==
          NEWSPARSE_STATUS_NULL_PARAMETER);
    newsparse_extractor_builder_free(b);
    return true;
}

/* A gazetteer file `name` with `contents` fails to build with BAD_GAZETTEER, leaving no
 * extractor, and the last error holds `message`. */
static bool build_fails_as_bad_gazetteer(const char *name, const char *contents, const char *message) {
    char path[256];
    newsparse_extractor_builder *b = NULL;
    newsparse_extractor *ex = NULL;
    CHECK(write_gazetteer(path, sizeof path, name, contents));
    CHECK(newsparse_extractor_builder_new(&b) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_gazetteer_file(b, path) == NEWSPARSE_STATUS_OK);
    CHECK(newsparse_extractor_builder_build(b, &ex) == NEWSPARSE_STATUS_BAD_GAZETTEER);
    CHECK(ex == NULL);
    CHECK(strstr(newsparse_last_error(), message) != NULL);
    newsparse_extractor_builder_free(b);
    return true;
}

static bool test_bad_gazetteer_file(void) {
    CHECK(build_fails_as_bad_gazetteer("bad.tsv", "Acme Widgets\torganization\nZorya\tnonsense\n",
                                       "bad.tsv, line 2"));
    return true;
}

/* A gazetteer in Latin-1, not UTF-8: malformed, not unreadable. */
static bool test_gazetteer_file_not_utf8(void) {
    CHECK(build_fails_as_bad_gazetteer("latin1.tsv", "Acme\torganization\nCaf\xe9\tplace\n",
                                       "latin1.tsv, line 2: not UTF-8"));
    return true;
}

struct job {
    const newsparse_extractor *ex;
    size_t quotes; /* what every parse must find */
    bool ok;
};

static void *parse_many(void *arg) {
    struct job *job = arg;
    job->ok = true;
    for (int i = 0; i < 8 && job->ok; i++) {
        newsparse_document *doc = NULL;
        if (newsparse_extractor_parse(job->ex, (const uint8_t *)article, article_len, &doc) !=
                NEWSPARSE_STATUS_OK ||
            newsparse_document_quote_count(doc) != job->quotes) {
            job->ok = false;
        }
        newsparse_document_free(doc);
    }
    return NULL;
}

static bool test_threads_share_one_extractor(void) {
    newsparse_extractor *ex = default_extractor();
    newsparse_document *doc = NULL;
    CHECK(newsparse_extractor_parse(ex, (const uint8_t *)article, article_len, &doc) ==
          NEWSPARSE_STATUS_OK);
    size_t quotes = newsparse_document_quote_count(doc);
    newsparse_document_free(doc);
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (struct job){ex, quotes, false};
        CHECK(pthread_create(&threads[i], NULL, parse_many, &jobs[i]) == 0);
    }
    bool ok = true;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        ok = ok && jobs[i].ok;
    }
    newsparse_extractor_free(ex);
    CHECK(ok);
    return true;
}

static int passed, failed;

static void run_test(bool (*test)(void), const char *name) {
    bool ok = test();
    printf("%s ... %s\n", name, ok ? "ok" : "FAILED");
    ok ? passed++ : failed++;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    static char buf[1 << 20];
    *len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    char *copy = malloc(*len + 1);
    if (copy != NULL) memcpy(copy, buf, *len + 1);
    return copy;
}

#define RUN(test) run_test(test, #test)

int main(int argc, char **argv) {
    if (argc != 2 || (article = read_file(argv[1], &article_len)) == NULL) {
        fprintf(stderr, "usage: %s ARTICLE (a readable text file)\n", argv[0]);
        return 2;
    }
    RUN(test_version);
    RUN(test_status_messages);
    RUN(test_quote_fields);
    RUN(test_document_text);
    RUN(test_text_with_nul_bytes);
    RUN(test_entities_and_mentions);
    RUN(test_to_json);
    RUN(test_parse_into);
    RUN(test_empty_text);
    RUN(test_invalid_utf8);
    RUN(test_null_parameters);
    RUN(test_out_of_range);
    RUN(test_last_error_cleared_on_success);
    RUN(test_builder_max_size);
    RUN(test_gazetteer_file_with_default);
    RUN(test_gazetteer_file_without_default);
    RUN(test_missing_gazetteer_file);
    RUN(test_bad_gazetteer_file);
    RUN(test_gazetteer_file_not_utf8);
    RUN(test_threads_share_one_extractor);
    free(article);
    remove_gazetteers();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
