resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = local.worker_defs
}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  container_definitions = <<-EOF
    [
      {
        "name": "web",
        "image": "registry.example.com/shop/web:1.0",
        "command": ["/web"],
        "stopTimeout": 45
      },
      {
        "name": "sidecar",
        "image": "envoyproxy/envoy:v1.30"
      }
    ]
  EOF
}

resource "aws_ecs_task_definition" "templated" {
  family                = "templated"
  container_definitions = templatefile("${path.module}/task.json.tpl", { tag = var.tag })
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name        = "api"
    image       = "registry.example.com/shop/api:${var.tag}"
    stopTimeout = var.drain_seconds
  }])
}

resource "aws_ecs_task_definition" "bad" {
  family = "bad"
  container_definitions = jsonencode([{
    name        = "bad"
    stopTimeout = 2.5
  }])
}
