terraform {
  required_providers {
    hostup = {
      source  = "hostup/hostup"
      version = "~> 0.1"
    }
  }
}

# The API key is read from the HOSTUP_API_KEY environment variable, and the
# endpoint defaults to https://cloud.hostup.se (or HOSTUP_ENDPOINT when set):
#
#   export HOSTUP_API_KEY="..."
#   terraform plan
provider "hostup" {}

# Every setting can also be given explicitly, for example:
#
# provider "hostup" {
#   api_key         = var.hostup_api_key # sensitive; never stored in state
#   endpoint        = "https://cloud.hostup.se"
#   request_timeout = "60s"
#   max_retries     = 4
#   max_retry_wait  = "2m"
# }
