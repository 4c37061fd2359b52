/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-fuzz.h — the two entry points every fuzz target defines, in the form
 * libFuzzer calls them; replay-main.c calls the same ones on files so that
 * `make check` replays the crash fixtures without libFuzzer. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Once, before the first input: set-up shared by every input.
 * Returns 0. */
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* One input of @size bytes at @data. Must not crash, leak or read out of
 * bounds on any input. Returns 0. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#include "d8-store.h"

/* A store in a new temporary folder, opened once for a whole run so every
 * input meets the same database; the folder is removed at exit. Returns
 * (transfer none) the store; @work_dir (optional) gets the folder, for the
 * target's own files there. Aborts when the folder or store cannot be made. */
D8Store *d8_fuzz_open_store (const char *prefix, const char **work_dir);
