/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c — the baseline of startup_ratio: a bare
 * AdwApplicationWindow that quits after its first painted frame, exactly as
 * duan8 does under DUAN8_EXIT_AFTER_FIRST_FRAME=1. Usage: bench-bare-window
 * [WIDTH HEIGHT]; duan8-bench gives the default size of duan8's window. */
#include <adwaita.h>
#include <stdlib.h>

static void
after_paint_cb (GdkFrameClock *clock, GApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget *window, GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  /* The external harness (bench-first-frame) ends it itself. */
  if (g_getenv ("D8_BENCH_STAY") != NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static int width = 1100, height = 720;

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (AdwApplication) app =
    adw_application_new ("vn.hoilhpn.Duan8.BenchBare", G_APPLICATION_NON_UNIQUE);

  if (argc == 3)
    {
      width = atoi (argv[1]);
      height = atoi (argv[2]);
    }
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
