/* fuzz_keyfile: keyfile_decode on the input as bytes, and recovery_decode
 * on it as text. A key file that decodes must encode back to the same
 * bytes; a recovery code that decodes must give the same key when it is
 * encoded and decoded again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/keyfile.h"
#include "crypto/recovery.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyfile kf;
	struct error e = {0};
	if (keyfile_decode(data, size, &kf, &e) == 0) {
		uint8_t again[KEYFILE_SIZE];
		FUZZ_CHECK(size == KEYFILE_SIZE);
		keyfile_encode(&kf, again);
		FUZZ_CHECK(memcmp(again, data, KEYFILE_SIZE) == 0);
	} else {
		FUZZ_CHECK(e.code == E_CORRUPT || e.code == E_FAIL);
	}

	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	uint8_t key[VAULT_KEY_BYTES], key2[VAULT_KEY_BYTES];
	error_clear(&e);
	if (recovery_decode(text, key, &e) == 0) {
		char code[RECOVERY_CODE_MAX];
		recovery_encode(key, code);
		FUZZ_CHECK(code[0] != '\0');
		FUZZ_CHECK(recovery_decode(code, key2, &e) == 0);
		FUZZ_CHECK(memcmp(key, key2, sizeof(key)) == 0);
	} else {
		FUZZ_CHECK(e.code == E_AUTH || e.code == E_FAIL);
	}
	free(text);
	return 0;
}
