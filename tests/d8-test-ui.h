/* SPDX-License-Identifier: GPL-3.0-or-later */
/* d8-test-ui.h — main-loop, frame, window and screenshot helpers shared by
 * the UI tests (test-ui.c, test-ui-vi.c, test-ui-bundles.c), each named
 * d8_test_… and defined here once. Screenshots go to
 * $D8_BUILD_ROOT/screenshots/ for people to look at. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

/* What every UI test's main does first: GTK's test accessibility backend
 * (as tests/meson.build sets; no bus is needed under Xvfb, yet the
 * accessible tree is built and can be checked), GTK's test set-up and
 * libadwaita. */
static inline void
d8_test_ui_init (int    *argc,
                 char ***argv)
{
  g_setenv ("GTK_A11Y", "test", FALSE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/* SHA-256 of a file: the way tests show a database stayed byte-identical. */
static inline char *
d8_test_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static inline void
d8_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
d8_test_spin_for (guint ms)
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
d8_test_set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static inline void
d8_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  gulong id;

  d8_test_spin ();
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (d8_test_set_flag_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (clock, id);
  d8_test_spin ();
}

/* How many toplevel windows of @type there are, shown or hidden. */
static inline guint
d8_test_count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        n++;
    }
  return n;
}

/* Calls @func on @node and on every node under it, through the nodes that
 * hold others (containers, transforms, clips, rounded clips, opacities,
 * colour matrices, debug nodes), parents first. */
static inline void
d8_test_foreach_node (GskRenderNode *node,
                      void (*func) (GskRenderNode *node, gpointer data),
                      gpointer data)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);
  GskRenderNode *child = NULL;

  func (node, data);
  if (type == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      d8_test_foreach_node (gsk_container_node_get_child (node, i), func, data);
  else if (type == GSK_TRANSFORM_NODE)
    child = gsk_transform_node_get_child (node);
  else if (type == GSK_CLIP_NODE)
    child = gsk_clip_node_get_child (node);
  else if (type == GSK_ROUNDED_CLIP_NODE)
    child = gsk_rounded_clip_node_get_child (node);
  else if (type == GSK_OPACITY_NODE)
    child = gsk_opacity_node_get_child (node);
  else if (type == GSK_COLOR_MATRIX_NODE)
    child = gsk_color_matrix_node_get_child (node);
  else if (type == GSK_DEBUG_NODE)
    child = gsk_debug_node_get_child (node);
  if (child != NULL)
    d8_test_foreach_node (child, func, data);
}

/* The first visible toplevel window of @type, or NULL. */
static inline GtkWidget *
d8_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return GTK_WIDGET (item);
    }
  return NULL;
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
      d8_test_wait_for_frame (widget);
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
