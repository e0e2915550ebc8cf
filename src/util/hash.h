/* hash.h: the 64-bit finaliser of MurmurHash3 (fmix64), which spreads every
 * input bit over the whole hash; used for stable ids and feature hashes. */
#ifndef KG_HASH_H
#define KG_HASH_H

#include <glib.h>

static inline guint64
kg_fmix64 (guint64 h)
{
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

#endif
