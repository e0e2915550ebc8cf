/* export-text.c: the text cleaning and number format shared by every
 * export and linter (export stage; see export-text.h). */
#include "export-text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

gboolean
kg__text_is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

gboolean
kg__text_is_dropped (gunichar c)
{
  return !kg__text_is_xml_char (c) || c == '\r' || c == 0x7F;
}

void
kg__text_append_clean (GString *out, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!kg__text_is_dropped (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

char *
kg__text_clean (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  GString *out = g_string_sized_new (strlen (text));
  kg__text_append_clean (out, text);
  return g_string_free (out, FALSE);
}

gboolean
kg__text_is_xml_name_char (gunichar c, gboolean first)
{
  static const gunichar start_ranges[][2] = {
    { 0xC0, 0xD6 }, { 0xD8, 0xF6 }, { 0xF8, 0x2FF }, { 0x370, 0x37D }, { 0x37F, 0x1FFF },
    { 0x200C, 0x200D }, { 0x2070, 0x218F }, { 0x2C00, 0x2FEF }, { 0x3001, 0xD7FF },
    { 0xF900, 0xFDCF }, { 0xFDF0, 0xFFFD }, { 0x10000, 0xEFFFF },
  };
  if (c < 0x80)
    return g_ascii_isalpha (c) || c == '_' || c == ':'
           || (!first && (g_ascii_isdigit (c) || c == '-' || c == '.'));
  for (guint i = 0; i < G_N_ELEMENTS (start_ranges); i++)
    if (c >= start_ranges[i][0] && c <= start_ranges[i][1])
      return TRUE;
  return !first && (c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040));
}

char *
kg__text_node_label (const KgNode *node)
{
  char *label = kg__text_clean (kg_node_get_label (node));
  if (*label != '\0')
    return label;
  g_free (label);
  return g_strdup (kg_node_get_id (node));
}

char *
kg__text_edge_label (const KgEdge *edge)
{
  gboolean negated = kg_edge_get_polarity (edge) == KG_POLARITY_NEGATIVE;
  KgModality modality = kg_edge_get_modality (edge);
  g_autofree char *predicate = kg__text_clean (kg_edge_get_predicate (edge));
  if (modality == KG_MODALITY_ASSERTED)
    return g_strdup_printf ("%s%s", negated ? "not " : "", predicate);
  return g_strdup_printf ("%s%s (%s)", negated ? "not " : "", predicate, kg_modality_to_string (modality));
}

const char *
kg__text_format_double (char buffer[KG_DOUBLE_BUF_SIZE], double value)
{
  g_return_val_if_fail (isfinite (value), "0");
  /* Fewest significant digits that round-trip; g_ascii_formatd ignores the
   * locale.  17 digits always round-trip. */
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, KG_DOUBLE_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return buffer;
}
