/* d8-test-ui.h — main-loop, frame and screenshot helpers shared by the UI
 * tests (test-ui.c, test-ui-vi.c). Screenshots go to
 * $D8_BUILD_ROOT/screenshots/ for people to look at. */
#pragma once

#include <gtk/gtk.h>
#include <glib/gstdio.h>

/* SHA-256 of a file: the way tests show a database stayed byte-identical. */
static inline char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static inline void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static inline void
set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static inline void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  gulong id;

  spin ();
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (clock, id);
  spin ();
}

static inline void
d8_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *root = g_getenv ("D8_BUILD_ROOT");
  int width = 0, height = 0;
  GtkSnapshot *snapshot;
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  /* A window just presented may need a few frames before it has a size
   * and content. */
  for (int attempt = 0; attempt < 20 && node == NULL; attempt++)
    {
      wait_for_frame (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width <= 0 || height <= 0)
        continue;
      g_clear_object (&paintable);
      snapshot = gtk_snapshot_new ();
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_build_filename (root ? root : ".", "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}
