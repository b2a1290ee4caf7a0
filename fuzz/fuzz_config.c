/* fuzz_config: arbitrary bytes as the settings file, read by config_load,
 * then its key lines applied by keymap_configure; and the first line as a
 * key name for input_key_parse.
 *
 * Checks: tend still starts (config_load always returns, with every
 * setting in its range and every warning NUL-terminated and in line
 * order); after the keymap is configured, crisis help has a key that works
 * while typing, and that key means crisis help; a key name that parses
 * writes back (input_key_name) to a name that parses to the same key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "ui/action.h"
#include "ui/input.h"
#include "util/config.h"

static char dir[64], file[96];

static void cleanup(void)
{
	unlink(file);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	snprintf(dir, sizeof dir, "%s", "/tmp/fuzz-config-XXXXXX");
	FUZZ_CHECK(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/config", dir);
	atexit(cleanup);
	return 0;
}

static void check_name(const uint8_t *data, size_t size)
{
	char name[32];
	size_t n = 0;
	while (n < size && n < sizeof name - 1 && data[n] != '\n')
		n++;
	memcpy(name, data, n);
	name[n] = '\0';
	int key = input_key_parse(name);
	if (!key)
		return;
	char back[16];
	FUZZ_CHECK(input_key_parse(input_key_name(key, back)) == key);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16384)
		return 0;
	check_name(data, size);
	FILE *f = fopen(file, "wb");
	FUZZ_CHECK(f);
	FUZZ_CHECK(fwrite(data, 1, size, f) == size);
	FUZZ_CHECK(fclose(f) == 0);

	struct config c;
	config_load(dir, &c);
	FUZZ_CHECK(memchr(c.region, '\0', sizeof c.region));
	FUZZ_CHECK(c.autolock_min >= 0);
	FUZZ_CHECK(c.color >= -1 && c.color <= 1);
	FUZZ_CHECK(c.week_start == 0 || c.week_start == 6);
	FUZZ_CHECK(c.nkeys <= CONFIG_MAX_KEYS);
	int shown = c.nwarnings < CONFIG_MAX_WARNINGS ? c.nwarnings : CONFIG_MAX_WARNINGS;
	for (int i = 0; i < shown; i++) {
		FUZZ_CHECK(memchr(c.warnings[i], '\0', sizeof c.warnings[i]));
		FUZZ_CHECK(i == 0 || c.warning_lines[i - 1] <= c.warning_lines[i]);
	}

	keymap_configure(&c);
	char buf[16];
	const char *crisis = keymap_key_for(ACT_CRISIS, true, buf);
	FUZZ_CHECK(*crisis);
	FUZZ_CHECK(keymap_lookup(input_key_parse(crisis), true) == ACT_CRISIS);
	keymap_reset();
	return 0;
}
