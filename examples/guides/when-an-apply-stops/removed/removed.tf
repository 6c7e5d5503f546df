# The control panel shows no block: forget the attempt (instead of
# `terraform state rm`), with the resource block taken out of the
# configuration. Put it back, and apply again, to buy the block.
removed {
  from = hostup_shared_hosting_storage_addon.extra

  lifecycle {
    destroy = false
  }
}
